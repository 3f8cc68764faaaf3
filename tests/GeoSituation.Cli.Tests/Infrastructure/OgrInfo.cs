using System.Diagnostics;
using System.Text.RegularExpressions;

namespace GeoSituation.Cli.Tests.Infrastructure;

/// <summary>GDAL's ogrinfo as the GIS client that must open our export files.</summary>
public static partial class OgrInfo
{
    public static async Task<string> SummaryAsync(string path, params string[] extra)
    {
        var start = new ProcessStartInfo("ogrinfo") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-ro", "-so", "-al" }.Concat(extra).Append(path)) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"ogrinfo {path} failed: {await errors}");
        return await output;
    }

    /// <summary>The "Feature Count: N" of the (single) layer.</summary>
    public static long FeatureCount(string summary)
    {
        var match = Count().Match(summary);
        Assert.True(match.Success, "no feature count in:\n" + summary);
        return long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"Feature Count: (\d+)")]
    private static partial Regex Count();
}
