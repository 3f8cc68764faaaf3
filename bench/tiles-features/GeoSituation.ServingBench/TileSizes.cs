using GeoSituation.Postgis.Tiles;

namespace GeoSituation.ServingBench;

/// <summary>
/// `tile-sizes --data DIR --max-zoom 5`: every tile of every source from z0 to max-zoom made by the server's own
/// tile code (TileStore, the same SQL), checked against the 500 KB budget.
/// </summary>
internal static class TileSizes
{
    private const int Budget = 500 * 1024;

    public static async Task<int> RunAsync(Options options)
    {
        var maxZoom = options.Int("max-zoom", 5);
        await using var dataSource = options.DataSource();
        var store = new TileStore(dataSource);
        var largest = 0;
        var over = 0;
        var tiles = 0;
        foreach (var source in TileCatalogue.All)
        {
            for (var z = 0; z <= maxZoom; z++)
            {
                var n = 1 << z;
                var coordinates = Enumerable.Range(0, n * n).Select(i => (X: i % n, Y: i / n));
                var sizes = new System.Collections.Concurrent.ConcurrentBag<(int X, int Y, int Bytes)>();
                await Parallel.ForEachAsync(coordinates, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (c, token) =>
                {
                    var tile = await store.GetTileAsync(source, z, c.X, c.Y, cancellationToken: token);
                    sizes.Add((c.X, c.Y, tile.Length));
                });
                var max = sizes.MaxBy(s => s.Bytes);
                tiles += sizes.Count;
                over += sizes.Count(s => s.Bytes > Budget);
                largest = Math.Max(largest, max.Bytes);
                Console.WriteLine($"  {source.Id,-13} z{z}: {sizes.Count(s => s.Bytes > 0),5} non-empty tiles, largest {max.Bytes / 1024.0,8:0.0} KB ({z}/{max.X}/{max.Y})");
            }
        }
        Console.WriteLine($"RESULT tile-sizes tiles={tiles} largest_kb={largest / 1024.0:0.0} over_budget={over}");
        return 0;
    }
}
