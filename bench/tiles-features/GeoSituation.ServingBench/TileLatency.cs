using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace GeoSituation.ServingBench;

/// <summary>
/// `tile-latency --data DIR --server URL --iterations N`: uncached tile latency over HTTP (the server runs with
/// GEOSITUATION_TILE_CACHE_MB=0) against the bare query of the same tile (the server's own .sql file, same
/// parameters) through Npgsql. One request at a time, the two interleaved so both see the same machine load.
/// </summary>
internal static class TileLatency
{
    public static async Task<int> RunAsync(Options options)
    {
        var iterations = options.Int("iterations", 30);
        var server = options.Require("server").TrimEnd('/');
        await using var dataSource = options.DataSource();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(120) };

        var tiles = new List<(string Source, int Z, int X, int Y)>();
        foreach (var (source, z) in new[] { ("mentions", 3), ("mentions", 6), ("mentions", 10), ("places", 4), ("places", 8), ("displacement", 5), ("events", 7) })
        {
            var (x, y) = TileGrid.TileOf(TileGrid.FocusLon, TileGrid.FocusLat, z);
            tiles.Add((source, z, x, y));
        }
        var sql = tiles.Select(t => t.Source).Distinct().ToDictionary(s => s, Options.TileSql);

        double sumServer = 0, sumBare = 0, sumLogRatio = 0;
        foreach (var tile in tiles)
        {
            var bare = new List<double>();
            var served = new List<double>();
            var bytes = 0;
            for (var i = -3; i < iterations; i++)
            {
                var clock = Stopwatch.StartNew();
                await using (var command = dataSource.CreateCommand(sql[tile.Source]))
                {
                    command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = tile.Z });
                    command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = tile.X });
                    command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = tile.Y });
                    command.Parameters.Add(new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
                    command.Parameters.Add(new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
                    command.Parameters.Add(new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Jsonb });
                    bytes = (await command.ExecuteScalarAsync() as byte[])?.Length ?? 0;
                }
                var bareMs = clock.Elapsed.TotalMilliseconds;

                clock.Restart();
                using var response = await http.GetAsync($"{server}/tiles/{tile.Source}/{tile.Z}/{tile.X}/{tile.Y}.mvt");
                var body = await response.Content.ReadAsByteArrayAsync();
                var servedMs = clock.Elapsed.TotalMilliseconds;
                if (!response.IsSuccessStatusCode || body.Length != bytes) throw new InvalidOperationException($"{tile}: HTTP {(int)response.StatusCode}, {body.Length} bytes vs {bytes} from SQL");
                if (response.Headers.TryGetValues("X-Tile-Cache", out var cache) && cache.Single() == "hit") throw new InvalidOperationException("the server answered from its cache: start it with GEOSITUATION_TILE_CACHE_MB=0");
                if (i < 0) continue;
                bare.Add(bareMs);
                served.Add(servedMs);
            }
            var b = TileGrid.Median(bare);
            var s = TileGrid.Median(served);
            sumBare += b;
            sumServer += s;
            sumLogRatio += Math.Log(s / b);
            Console.WriteLine($"  {tile.Source}/{tile.Z}/{tile.X}/{tile.Y} ({bytes / 1024.0:0.0} KB): bare ST_AsMVT {b:0.00} ms, server {s:0.00} ms, ratio {s / b:0.00}");
        }
        // ratio: total time over the tile set (slow tiles weigh most); geomean: the typical tile's ratio
        // (small tiles weigh as much, showing the fixed cost of HTTP and the server per request).
        Console.WriteLine($"RESULT tile-latency bare_ms={sumBare:0.00} server_ms={sumServer:0.00} ratio={sumServer / sumBare:0.000} geomean={Math.Exp(sumLogRatio / tiles.Count):0.000}");
        return 0;
    }
}
