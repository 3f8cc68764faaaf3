using System.Collections.Concurrent;
using System.Net;

namespace GeoSituation.Server.Reliability;

/// <summary>
/// Caps what one client can run at once on the routes that cost the server real work, and how many PNG tiles the
/// process draws at once. Runs after routing, so cached tiles (answered before routing) are never counted.
/// </summary>
internal sealed class ExpensiveRouteLimiter(RequestDelegate next, ClientLimits limits, ILogger<ExpensiveRouteLimiter> logger)
{
    /// <summary>The expensive routes, by endpoint name: the one place a new expensive route is declared.</summary>
    private static readonly Dictionary<string, string> Routes = new(StringComparer.Ordinal)
    {
        ["Items"] = "items",
        ["Tile"] = "tiles",
        ["RasterTile"] = "png",
        ["AnalyzeArticle"] = "analyze",
    };

    private readonly ConcurrentDictionary<(IPAddress?, string), int> running = new();
    private readonly SemaphoreSlim renderers = new(limits.RenderConcurrency, limits.RenderConcurrency);

    public async Task InvokeAsync(HttpContext context)
    {
        var name = context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
        if (name is null || !Routes.TryGetValue(name, out var route))
        {
            await next(context);
            return;
        }
        var key = (context.Connection.RemoteIpAddress, route);
        if (running.AddOrUpdate(key, 1, (_, n) => n + 1) > limits.PerClientConcurrency)
        {
            Release(key);
            logger.LogInformation("429 on {Route} for {Client}: more than {Limit} at once", route, key.Item1, limits.PerClientConcurrency);
            await Refuse(context, StatusCodes.Status429TooManyRequests, "Too many concurrent requests",
                $"At most {limits.PerClientConcurrency} {route} requests at once per client; retry when one has finished.");
            return;
        }
        try
        {
            if (route != "png")
            {
                await next(context);
                return;
            }
            if (!await renderers.WaitAsync(ClientLimits.RenderQueueWait, context.RequestAborted))
            {
                await Refuse(context, StatusCodes.Status503ServiceUnavailable, "Renderer busy",
                    $"All {limits.RenderConcurrency} PNG renderers are busy; retry shortly.");
                return;
            }
            try { await next(context); }
            finally { renderers.Release(); }
        }
        finally
        {
            Release(key);
        }
    }

    private void Release((IPAddress?, string) key)
    {
        // Drops the entry at zero so the table holds only clients with requests in flight.
        while (true)
        {
            var n = running[key];
            if (n == 1 ? running.TryRemove(new KeyValuePair<(IPAddress?, string), int>(key, 1)) : running.TryUpdate(key, n - 1, n)) return;
        }
    }

    private static Task Refuse(HttpContext context, int status, string title, string detail)
    {
        context.Response.Headers.RetryAfter = "1";
        return TypedResults.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context);
    }
}
