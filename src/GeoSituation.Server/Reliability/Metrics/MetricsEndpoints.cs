using System.Diagnostics;
using GeoSituation.Server.Tiles;
using GeoSituation.Server.Tiles.Raster;

namespace GeoSituation.Server.Reliability.Metrics;

/// <summary><c>GET /metrics</c>: requests, latencies, ingests, tile cache, database health and pool, process, in Prometheus text format.</summary>
internal static class MetricsEndpoints
{
    public static void MapMetricsEndpoint(this IEndpointRouteBuilder app) =>
        app.MapGet("/metrics", Scrape)
            .WithName("Metrics")
            .WithSummary("Prometheus metrics: requests, latency histograms, ingests, tile cache, database pool")
            .WithTags("Health")
            .ExcludeFromDescription();

    private static IResult Scrape(RequestMetrics requests, NpgsqlMetrics npgsql, TileCache tiles, RenderCounter renders, DatabaseMonitor database)
    {
        var text = new PrometheusText();

        text.Family("geosituation_http_requests_total", "counter", "HTTP requests by method, route template and status code.");
        foreach (var ((method, route, status), count) in requests.Requests.OrderBy(r => r.Key.Route, StringComparer.Ordinal).ThenBy(r => r.Key.Method, StringComparer.Ordinal).ThenBy(r => r.Key.Status))
        {
            text.Sample("geosituation_http_requests_total", PrometheusText.Labels(("method", method), ("route", route), ("status", status.ToString(System.Globalization.CultureInfo.InvariantCulture))), count);
        }
        text.Family("geosituation_http_requests_in_flight", "gauge", "Requests being served now.")
            .Sample("geosituation_http_requests_in_flight", "", requests.InFlight);

        text.Family("geosituation_http_request_duration_seconds", "histogram", "Time to serve a request, by method and route template.");
        foreach (var ((method, route), histogram) in requests.Latencies.OrderBy(l => l.Key.Route, StringComparer.Ordinal).ThenBy(l => l.Key.Method, StringComparer.Ordinal))
        {
            var labels = PrometheusText.Labels(("method", method), ("route", route));
            for (var i = 0; i < RequestMetrics.Buckets.Length; i++)
            {
                text.Sample("geosituation_http_request_duration_seconds_bucket", labels + ",le=\"" + PrometheusText.Number(RequestMetrics.Buckets[i]) + "\"", histogram.CumulativeCount(i));
            }
            text.Sample("geosituation_http_request_duration_seconds_bucket", labels + ",le=\"+Inf\"", histogram.Count);
            text.Sample("geosituation_http_request_duration_seconds_sum", labels, histogram.Sum);
            text.Sample("geosituation_http_request_duration_seconds_count", labels, histogram.Count);
        }

        text.Family("geosituation_ingest_total", "counter", "POST /articles by outcome: created, duplicate, rejected, unauthorized, rate_limited, failed.");
        foreach (var outcome in new[] { "created", "duplicate", "rejected", "unauthorized", "rate_limited", "failed" })
        {
            text.Sample("geosituation_ingest_total", PrometheusText.Labels(("outcome", outcome)), requests.Ingests.FirstOrDefault(i => i.Key == outcome).Value);
        }

        text.Family("geosituation_tile_cache_requests_total", "counter", "Tiles served from the in-process cache (hit) or made by PostGIS (miss), by route.");
        foreach (var result in new[] { "hit", "miss" })
        {
            var routes = requests.TileCache.Where(t => t.Key.Result == result).ToList();
            if (routes.Count == 0) text.Sample("geosituation_tile_cache_requests_total", PrometheusText.Labels(("route", "/tiles/{layer}/{z}/{x}/{y}"), ("result", result)), 0);
            foreach (var ((route, _), count) in routes.OrderBy(t => t.Key.Route, StringComparer.Ordinal))
            {
                text.Sample("geosituation_tile_cache_requests_total", PrometheusText.Labels(("route", route), ("result", result)), count);
            }
        }
        text.Family("geosituation_tile_cache_bytes", "gauge", "Bytes of tiles held in the in-process cache.").Sample("geosituation_tile_cache_bytes", "", tiles.Bytes);
        text.Family("geosituation_tile_cache_tiles", "gauge", "Tiles held in the in-process cache.").Sample("geosituation_tile_cache_tiles", "", tiles.Count);

        text.Family("geosituation_png_renders_total", "counter", "PNG tiles drawn (cache misses of /tiles/{layer}/{z}/{x}/{y}.png).").Sample("geosituation_png_renders_total", "", renders.Total);
        text.Family("geosituation_png_renders_peak", "gauge", "The most PNG tiles drawn at the same moment since start (GEOSITUATION_RENDER_CONCURRENCY caps it).").Sample("geosituation_png_renders_peak", "", renders.Peak);

        text.Family("geosituation_database_up", "gauge", "1 when the last database probe (every second) succeeded.").Sample("geosituation_database_up", "", database.IsUp ? 1 : 0);
        text.Family("geosituation_database_outages_total", "counter", "Times the database stopped answering.").Sample("geosituation_database_outages_total", "", database.Outages);

        string? family = null;
        foreach (var (name, kind, labels, value) in npgsql.Snapshot())
        {
            var metric = "npgsql_" + PrometheusText.Name(name);
            var familyName = kind == "summary" ? metric[..metric.LastIndexOf('_')] : metric;
            if (familyName != family)
            {
                text.Family(familyName, kind == "summary" ? "summary" : kind, $"Npgsql instrument {(kind == "summary" ? name[..name.LastIndexOf('_')] : name)} (connection pool and commands).");
                family = familyName;
            }
            text.Sample(metric, labels, value);
        }

        using var process = Process.GetCurrentProcess();
        text.Family("process_resident_memory_bytes", "gauge", "Resident memory of the server process.").Sample("process_resident_memory_bytes", "", process.WorkingSet64);
        text.Family("dotnet_gc_heap_bytes", "gauge", "Managed heap size.").Sample("dotnet_gc_heap_bytes", "", GC.GetTotalMemory(false));
        text.Family("dotnet_threadpool_queue_length", "gauge", "Work items waiting for a thread-pool thread.").Sample("dotnet_threadpool_queue_length", "", ThreadPool.PendingWorkItemCount);

        return TypedResults.Text(text.ToString(), PrometheusText.ContentType);
    }
}
