namespace GeoSituation.Server.Hosting;

/// <summary>
/// HEAD is answered wherever GET is (RFC 9110 9.3.2): the request goes down the pipeline as a GET, so it gets the same
/// status and headers, and Kestrel sends no body for the request it parsed as HEAD. Clients rely on it: GDAL's
/// /vsicurl/ asks HEAD first and gives up on a 405, link checkers and caches ask HEAD to revalidate.
/// </summary>
internal static class HeadRequests
{
    private static readonly object Marker = new();

    /// <summary>Place before routing, so the GET endpoints match.</summary>
    public static WebApplication UseHeadAsGet(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (HttpMethods.IsHead(context.Request.Method))
            {
                context.Request.Method = HttpMethods.Get;
                context.Items[Marker] = true;
            }
            return next(context);
        });
        return app;
    }

    /// <summary>True when the client asked HEAD: a streamed answer may stop after its headers instead of reading data nobody receives.</summary>
    public static bool IsHead(HttpContext context) => context.Items.ContainsKey(Marker);
}
