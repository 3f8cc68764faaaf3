using System.Diagnostics;

namespace GeoSituation.Server.Reliability.Metrics;

/// <summary>Times every request and counts it under its route template once the response is complete (the outermost middleware, so error pages count too).</summary>
internal sealed class MetricsMiddleware(RequestDelegate next, RequestMetrics metrics)
{
    public async Task InvokeAsync(HttpContext context)
    {
        metrics.Started();
        var started = Stopwatch.GetTimestamp();
        var status = 500;
        try
        {
            await next(context);
            status = context.Response.StatusCode;
        }
        finally
        {
            var route = RouteOf(context);
            metrics.Finished(KnownMethod(context.Request.Method), route, status, Stopwatch.GetElapsedTime(started).TotalSeconds);
            var tileCache = context.Response.Headers["X-Tile-Cache"].ToString();
            if (tileCache is "hit" or "miss" && status is 200 or 304) metrics.TileServed(route, tileCache);
        }
    }

    /// <summary>The endpoint's template ("/tiles/{layer}/{z}/{x}/{y}"), "static" for wwwroot files, "unmatched" otherwise.</summary>
    private static string RouteOf(HttpContext context)
    {
        // Computed once per endpoint: this runs on every request, cached tiles included.
        if (context.GetEndpoint() is RouteEndpoint endpoint) return Routes.GetOrAdd(endpoint, e => "/" + (e.RoutePattern.RawText ?? "").Trim('/'));
        return context.Response.StatusCode == StatusCodes.Status404NotFound ? "unmatched" : "static";
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<RouteEndpoint, string> Routes = new();

    // Clients choose the method string: anything unusual is one series, not one per spelling.
    private static string KnownMethod(string method) =>
        method is "GET" or "HEAD" or "POST" or "PUT" or "PATCH" or "DELETE" or "OPTIONS" ? method : "OTHER";
}
