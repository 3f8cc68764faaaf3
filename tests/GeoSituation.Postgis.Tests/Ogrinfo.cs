using System.Diagnostics;

namespace GeoSituation.Postgis.Tests;

/// <summary>GDAL's ogrinfo as the GIS client that reads our tiles: what a QGIS or GDAL user would see.</summary>
internal static class Ogrinfo
{
    /// <summary>Writes the tile to a temp .mvt file and returns <c>ogrinfo -ro -al</c>'s listing; fails the test if GDAL cannot read it.</summary>
    public static async Task<string> ReadTileAsync(byte[] tile)
    {
        Assert.NotEmpty(tile);
        var path = Path.Combine(Path.GetTempPath(), $"tile-{Guid.NewGuid():N}.mvt");
        await File.WriteAllBytesAsync(path, tile);
        try
        {
            var start = new ProcessStartInfo("ogrinfo") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "-ro", "-al", path }) start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            return output;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
