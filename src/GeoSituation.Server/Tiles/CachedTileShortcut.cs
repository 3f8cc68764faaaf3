using System.Diagnostics;
using GeoSituation.Postgis.Tiles;
using GeoSituation.Server.Cors;
using GeoSituation.Server.Database;
using GeoSituation.Server.Reliability.Metrics;
using GeoSituation.Server.Security;
using Microsoft.Net.Http.Headers;

namespace GeoSituation.Server.Tiles;

/// <summary>
/// Answers <c>GET /tiles/{layer}/{z}/{x}/{y}[.mvt|.pbf]</c> straight from the tile cache, before routing and the
/// rest of the pipeline: a map pans through hundreds of tiles a second and most are cache hits, so a hit costs
/// a path parse, a dictionary lookup and one write.
/// </summary>
/// <remarks>
/// It runs first, even before the metrics middleware, and counts what it answers in <see cref="RequestMetrics"/>
/// itself (same route, status and latency series), without that middleware's per-request async wrapper.
/// Only the plain case is taken: one layer, no query string, public reads, database ready. Everything else
/// (misses, composites, filters, HEAD, closed reads, odd paths) goes down the normal pipeline, which answers
/// the same bytes and headers: <see cref="TileEndpoints"/> for the tile, <see cref="SecurityHeadersMiddleware"/>
/// and the CORS policy (any origin, ETag exposed) for the rest.
/// </remarks>
internal sealed class CachedTileShortcut(RequestDelegate next, TileCache cache, DatabaseReadiness readiness, SecurityOptions security, RequestMetrics metrics)
{
    private static readonly string ExposedHeaders = string.Join(',', CorsExtensions.ExposedHeaders);

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!security.PublicReads || !readiness.IsReady || !HttpMethods.IsGet(request.Method) || request.QueryString.HasValue
            || !TryParse(request.Path.Value, out var source, out var z, out var x, out var y)
            || !cache.TryGetCached(source, z, x, y, "", out var tile))
        {
            return next(context);
        }

        var started = Stopwatch.GetTimestamp();
        var headers = context.Response.Headers;
        SecurityHeadersMiddleware.WriteEveryResponseHeaders(headers);
        if (request.Headers.ContainsKey(HeaderNames.Origin))
        {
            headers.AccessControlAllowOrigin = "*";
            headers.AccessControlExposeHeaders = ExposedHeaders;
        }
        var written = TileResponse.WriteAsync(context, tile, TileEndpoints.CacheControlOf(source), "hit");
        if (!written.IsCompletedSuccessfully) return CountWhenWrittenAsync(written, context, started);
        metrics.CachedTileServed(TileEndpoints.TileRoute, context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalSeconds);
        return Task.CompletedTask;
    }

    private async Task CountWhenWrittenAsync(Task written, HttpContext context, long started)
    {
        var status = 500;
        try
        {
            await written;
            status = context.Response.StatusCode;
        }
        finally
        {
            metrics.CachedTileServed(TileEndpoints.TileRoute, status, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    /// <summary>"/tiles/places/8/152/104.mvt" -> places, 8, 152, 104 (<see cref="TileAddress"/>); false for anything else.</summary>
    internal static bool TryParse(string? path, out TileSourceInfo source, out int z, out int x, out int y)
    {
        source = null!;
        z = x = y = 0;
        if (path is null || !path.StartsWith("/tiles/", StringComparison.Ordinal)) return false;
        var rest = path.AsSpan("/tiles/".Length);
        Span<Range> parts = stackalloc Range[5];
        if (rest.Split(parts, '/') != 4) return false;
        var layer = rest[parts[0]];
        foreach (var candidate in TileCatalogue.All)
        {
            if (layer.SequenceEqual(candidate.Id)) source = candidate;
        }
        if (source is null || !TileAddress.TryParse(rest[parts[1]], rest[parts[2]], rest[parts[3]], vectorSuffix: true, out var address)) return false;
        (z, x, y) = (address.Z, address.X, address.Y);
        return true;
    }
}
