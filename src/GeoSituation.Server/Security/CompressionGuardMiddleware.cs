namespace GeoSituation.Server.Security;

/// <summary>
/// Keeps response compression safe from BREACH-style attacks: a response to a request that carries credentials
/// may mix a secret-bearing context with text the client chose (an article title), so it is never compressed.
/// Public reads (tiles, GeoJSON, the map's scripts) hold no secrets and stay compressed.
/// </summary>
internal sealed class CompressionGuardMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Headers.Authorization.Count > 0 || request.Headers.Cookie.Count > 0) request.Headers.AcceptEncoding = "identity";
        return next(context);
    }
}
