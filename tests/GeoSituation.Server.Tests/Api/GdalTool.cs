using System.Diagnostics;

namespace GeoSituation.Server.Tests.Api;

/// <summary>Runs a GDAL command-line tool (ogrinfo, ogr2ogr) as a GIS user would, failing the test with GDAL's own message.</summary>
internal static class GdalTool
{
    public static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{tool} failed: {await errors}");
        return await output;
    }
}
