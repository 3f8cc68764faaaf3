using System.Diagnostics;
using System.Text.Json;
using Npgsql;

namespace GeoSituation.ServingBench;

/// <summary>
/// `items-rate --data DIR --server URL --pages P --limit 10000`: features per second paging through
/// /collections/mentions/items (following next links) against PostgreSQL producing the same pages of the same
/// Feature text, aggregated into one FeatureCollection string, through Npgsql (keyset paging too).
/// Alternating rounds, the best of three for each.
/// </summary>
internal static class ItemsRate
{
    // The Feature text is the server's (FeatureStore) expression; PostgreSQL builds the whole collection itself.
    private const string BareSql =
        """
        SELECT '{"type":"FeatureCollection","features":[' || string_agg(f, ',' ORDER BY fid) || '],"numberReturned":' || count(*) || '}', max(fid), count(*)
        FROM (SELECT fid, '{"type":"Feature","id":' || fid || ',"geometry":' || COALESCE(ST_AsGeoJSON(geom, 6), 'null') || ',"properties":' || properties::text || '}' AS f
              FROM ogc_mentions WHERE fid > $1 ORDER BY fid LIMIT $2) t
        """;

    public static async Task<int> RunAsync(Options options)
    {
        var pages = options.Int("pages", 10);
        var limit = options.Int("limit", 10000);
        var server = options.Require("server").TrimEnd('/');
        await using var dataSource = options.DataSource();
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };

        double bestBare = 0, bestServer = 0;
        for (var round = 0; round < 3; round++)
        {
            var (bareFeatures, bareSeconds, bareBytes) = await BareAsync(dataSource, pages, limit);
            var (serverFeatures, serverSeconds, serverBytes) = await ServerAsync(http, server, pages, limit);
            if (bareFeatures != serverFeatures) throw new InvalidOperationException($"server returned {serverFeatures} features, PostgreSQL {bareFeatures}");
            bestBare = Math.Max(bestBare, bareFeatures / bareSeconds);
            bestServer = Math.Max(bestServer, serverFeatures / serverSeconds);
            Console.WriteLine($"  round {round + 1}: PostgreSQL {bareFeatures / bareSeconds:0} features/s ({bareBytes / 1e6:0.0} MB), server {serverFeatures / serverSeconds:0} features/s ({serverBytes / 1e6:0.0} MB)");
        }
        Console.WriteLine($"RESULT items-rate bare_fps={bestBare:0} server_fps={bestServer:0} ratio={bestServer / bestBare:0.000}");
        return 0;
    }

    private static async Task<(long Features, double Seconds, long Bytes)> BareAsync(NpgsqlDataSource dataSource, int pages, int limit)
    {
        long after = 0, features = 0, bytes = 0;
        var clock = Stopwatch.StartNew();
        for (var page = 0; page < pages; page++)
        {
            await using var command = dataSource.CreateCommand(BareSql);
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = after });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            if (reader.IsDBNull(0)) break;
            bytes += reader.GetString(0).Length;
            after = reader.GetInt64(1);
            features += reader.GetInt64(2);
        }
        return (features, clock.Elapsed.TotalSeconds, bytes);
    }

    private static async Task<(long Features, double Seconds, long Bytes)> ServerAsync(HttpClient http, string server, int pages, int limit)
    {
        string? next = $"{server}/collections/mentions/items?limit={limit}";
        long features = 0, bytes = 0;
        var elapsed = TimeSpan.Zero;
        for (var page = 0; page < pages && next is not null; page++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync(next);
            var body = await response.Content.ReadAsByteArrayAsync();
            elapsed += clock.Elapsed;
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"HTTP {(int)response.StatusCode} for {next}");
            bytes += body.Length;
            // Parsing the page (for numberReturned and the next link) is the client's work: not timed.
            using var json = JsonDocument.Parse(body);
            features += json.RootElement.GetProperty("numberReturned").GetInt64();
            next = json.RootElement.GetProperty("links").EnumerateArray()
                .Where(l => l.GetProperty("rel").GetString() == "next").Select(l => l.GetProperty("href").GetString()).FirstOrDefault();
        }
        return (features, elapsed.TotalSeconds, bytes);
    }
}
