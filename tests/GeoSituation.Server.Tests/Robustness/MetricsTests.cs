using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using GeoSituation.Server.Tests.Api;

namespace GeoSituation.Server.Tests.Robustness;

/// <summary>/metrics is valid Prometheus text and shows what happened: requests, latencies, tile cache hits, ingests, the pool.</summary>
[Collection(ServerCollection.Name)]
public sealed partial class MetricsTests(ServerFixture server)
{
    [Fact]
    public async Task Metrics_show_requests_latency_tile_cache_hits_ingests_and_the_pool_in_prometheus_format()
    {
        var before = Parse(await ScrapeAsync());
        using (await server.Http.GetAsync("/tiles/basemap/2/2/1.mvt")) { }
        using (await server.Http.GetAsync("/tiles/basemap/2/2/1.mvt")) { }
        var (status, _) = await server.PostArticleAsync(new { title = "Metrics", text = $"For the metrics test {Guid.NewGuid():N}, about 700 people fled from Rafah to Khan Yunis." });
        Assert.Equal(HttpStatusCode.Created, status);
        using (await server.Http.GetAsync("/collections/nope")) { }

        var text = await ScrapeAsync();
        var after = Parse(text);
        double Delta(string series) => after.GetValueOrDefault(series) - before.GetValueOrDefault(series);

        Assert.True(Delta("geosituation_http_requests_total{method=\"GET\",route=\"/tiles/{layer}/{z}/{x}/{y}\",status=\"200\"}") >= 2);
        Assert.True(Delta("geosituation_tile_cache_requests_total{route=\"/tiles/{layer}/{z}/{x}/{y}\",result=\"hit\"}") >= 1);
        Assert.True(Delta("geosituation_ingest_total{outcome=\"created\"}") >= 1);
        Assert.True(Delta("geosituation_http_requests_total{method=\"GET\",route=\"/collections/{collectionId}\",status=\"404\"}") >= 1);
        Assert.True(after["geosituation_http_request_duration_seconds_count{method=\"POST\",route=\"/articles\"}"] >= 1);
        Assert.Equal(1, after["geosituation_database_up"]);
        Assert.Contains(after.Keys, k => k.StartsWith("npgsql_db_client_connection_count{", StringComparison.Ordinal));
        Assert.True(after["npgsql_db_client_connection_max"] > 0);

        // Histogram buckets are cumulative and end with +Inf equal to the count.
        var buckets = after.Where(kv => kv.Key.StartsWith("geosituation_http_request_duration_seconds_bucket{method=\"POST\",route=\"/articles\",", StringComparison.Ordinal))
            .Select(kv => kv.Value).ToList();
        Assert.True(buckets.Count > 5);
        Assert.Equal(buckets.Order(), buckets);
        Assert.Equal(after["geosituation_http_request_duration_seconds_count{method=\"POST\",route=\"/articles\"}"], buckets[^1]);

        Assert.DoesNotContain(server.DataFolder, text);
        Assert.DoesNotContain("Host=", text);
    }

    private async Task<string> ScrapeAsync()
    {
        using var response = await server.Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Every line is a comment or "name{labels} value"; returns series -> value.</summary>
    private static Dictionary<string, double> Parse(string text)
    {
        var series = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("# HELP ", StringComparison.Ordinal) || line.StartsWith("# TYPE ", StringComparison.Ordinal)) continue;
            var match = Sample().Match(line);
            Assert.True(match.Success, $"not Prometheus text: {line}");
            var value = match.Groups["value"].Value switch { "+Inf" => double.PositiveInfinity, "-Inf" => double.NegativeInfinity, var v => double.Parse(v, CultureInfo.InvariantCulture) };
            Assert.True(series.TryAdd(match.Groups["series"].Value, value), $"duplicate series: {line}");
        }
        return series;
    }

    [GeneratedRegex("""^(?<series>[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*",?)*\})?) (?<value>\S+)$""")]
    private static partial Regex Sample();
}
