namespace GeoSituation.ServingBench;

/// <summary>
/// `export-tiles --server URL --out DIR --paths FILE`: fetches the benchmark's tile set from the server (which
/// also warms its cache) and writes the same bytes under DIR/tiles/... for nginx, plus the list of URL paths wrk
/// cycles through. The set: for each data layer and the basemap, the tile over Gaza and its 8 neighbours at z0-z10.
/// </summary>
internal static class TileExport
{
    public static async Task<int> RunAsync(Options options)
    {
        var server = options.Require("server").TrimEnd('/');
        var output = options.Require("out");
        var paths = new List<string>();
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        long bytes = 0;
        foreach (var source in new[] { "places", "mentions", "displacement", "events", "basemap" })
        {
            for (var z = 0; z <= 10; z++)
            {
                var (cx, cy) = TileGrid.TileOf(TileGrid.FocusLon, TileGrid.FocusLat, z);
                var n = 1 << z;
                for (var x = Math.Max(0, cx - 1); x <= Math.Min(n - 1, cx + 1); x++)
                {
                    for (var y = Math.Max(0, cy - 1); y <= Math.Min(n - 1, cy + 1); y++)
                    {
                        var path = $"/tiles/{source}/{z}/{x}/{y}.mvt";
                        var tile = await http.GetByteArrayAsync(server + path);
                        if (tile.Length == 0) continue;
                        var file = Path.Combine(output, path.TrimStart('/'));
                        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                        await File.WriteAllBytesAsync(file, tile);
                        paths.Add(path);
                        bytes += tile.Length;
                    }
                }
            }
        }
        await File.WriteAllLinesAsync(options.Require("paths"), paths);
        Console.WriteLine($"export-tiles: {paths.Count} non-empty tiles, {bytes / 1024.0:0} KB, mean {bytes / 1024.0 / Math.Max(1, paths.Count):0.0} KB");
        return 0;
    }
}
