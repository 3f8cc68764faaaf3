using System.Diagnostics;
using System.Text;
using GeoSituation.Core.Articles;
using GeoSituation.Core.Tests.Gazetteer;

namespace GeoSituation.Core.Tests.Articles;

/// <summary>
/// Issue 13, point 7: analysis must cost in proportion to the text, and a request timeout must be able to stop it.
/// 256 KB of one place name repeated with spaces took 11 s (1 MB: 90 s) because every match scanned the whole run
/// of capitalised words around it; now it takes well under a second here.
/// </summary>
[Collection(GazetteerCollection.Name)]
public sealed class AnalysisCostTests(GazetteerFixture fixture)
{
    [Fact]
    public void Half_a_megabyte_of_one_repeated_place_name_is_analysed_in_bounded_time()
    {
        var analyzer = new ArticleAnalyzer(fixture.Gazetteer);
        var text = Repeat("Rafah ", 512 * 1024);
        var clock = Stopwatch.StartNew();
        var analysis = analyzer.Analyze(new ArticleInput { Text = text, Published = DateTimeOffset.UnixEpoch });
        // Generous for a loaded 2-core machine (about 1 s when idle), far below the 40 s the quadratic scan took.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{clock.Elapsed.TotalSeconds:0.0} s for 512 KB");
        Assert.Contains(analysis.Toponyms, t => t.Surface == "Rafah");
    }

    [Fact]
    public void A_cancelled_analysis_stops_with_OperationCanceledException()
    {
        var analyzer = new ArticleAnalyzer(fixture.Gazetteer);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            analyzer.Analyze(new ArticleInput { Text = Repeat("Rafah ", 64 * 1024), Published = DateTimeOffset.UnixEpoch }, cancelled.Token));
    }

    private static string Repeat(string unit, int length)
    {
        var builder = new StringBuilder(length + unit.Length);
        while (builder.Length < length) builder.Append(unit);
        return builder.ToString(0, length);
    }
}
