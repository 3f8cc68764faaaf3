namespace GeoSituation.Server.Security;

/// <summary>
/// Headers every response carries (nosniff, referrer policy) and, on HTML, the content security policy and
/// framing rules: /embed may be framed by any site (dashboards), every other page by this origin only.
/// </summary>
internal sealed class SecurityHeadersMiddleware
{
    private readonly RequestDelegate next;
    private readonly string pagePolicy;
    private readonly string embedPolicy;

    public SecurityHeadersMiddleware(RequestDelegate next, IWebHostEnvironment environment)
    {
        this.next = next;
        var (scripts, styles) = ContentSecurityPolicy.InlineHashes(environment.WebRootPath);
        pagePolicy = ContentSecurityPolicy.For(scripts, styles, frameable: false);
        embedPolicy = ContentSecurityPolicy.For(scripts, styles, frameable: true);
    }

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var response = context.Response;
            var headers = response.Headers;
            WriteEveryResponseHeaders(headers);
            if (response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
            {
                var embed = IsEmbed(context.Request.Path);
                headers.ContentSecurityPolicy = embed ? embedPolicy : IsApiReference(context.Request.Path) ? ApiReferencePolicy : pagePolicy;
                if (!embed) headers.XFrameOptions = "SAMEORIGIN";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>The headers every response carries; also written by responses that skip this middleware (cached tiles).</summary>
    internal static void WriteEveryResponseHeaders(IHeaderDictionary headers)
    {
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
    }

    private static readonly string ApiReferencePolicy = ContentSecurityPolicy.ForApiReference();

    private static bool IsApiReference(PathString path) => path.StartsWithSegments("/docs", StringComparison.OrdinalIgnoreCase);

    private static bool IsEmbed(PathString path) =>
        path.Equals("/embed", StringComparison.OrdinalIgnoreCase) || path.Equals("/embed.html", StringComparison.OrdinalIgnoreCase);
}
