using System.Diagnostics;
using System.Globalization;
using System.Text;
using GeoSituation.Core.Articles;
using GeoSituation.Core.Gazetteer;

namespace GeoSituation.Benchmarks;

/// <summary>
/// Whether analysis costs grow linearly with the text (issue 13, point 7): the whole pipeline on 16 KB - 1 MB of
/// repeated place names, news and the fuzz tests' pathological shapes, milliseconds per KB for each size, and the spread between the cheapest and the dearest KB.
/// Run: <c>dotnet run -c Release --project bench/GeoSituation.Benchmarks -- scaling</c>. Exit code 1 when the
/// spread of any kind passes 2x.
/// </summary>
/// <remarks>
/// Not BenchmarkDotNet: one 1 MB run takes seconds, and the question is the shape of the curve, not the last
/// percent. Each size is analysed three times after a warm-up of every kind and the fastest run counts, which removes most of
/// the noise from a shared machine.
/// </remarks>
internal static class AnalysisScaling
{
    private static readonly int[] SizesKb = [16, 64, 256, 1024];

    public static int Run()
    {
        var gazetteer = Gazetteer.Load(Gazetteer.LocateGeodata());
        var analyzer = new ArticleAnalyzer(gazetteer);
        var news = string.Join("\n\n", BenchmarkArticles.Load());
        var kinds = new (string Name, string Unit)[]
        {
            ("one place name, spaces", "Rafah "),
            ("one place name, sentences", "Rafah. "),
            ("news articles", news + "\n\n"),
            ("one sentence without end", "about 1.4 million people fled from Rafah to Khan Yunis and "),
            ("capitalised words without end", "Khan Yunis Gaza City Deir Al Balah Beit Lahia "),
            ("dates without end", "On 31 February 2024, on 29 Feb 2023, as of 0 May, "),
            ("nested number words", "tens of hundreds of thousands of millions of "),
        };
        // Warm-up: tiered JIT compiles the pipeline's hot loops only after many calls, which would make the first
        // (smallest) size look dearest.
        foreach (var (_, unit) in kinds)
        {
            for (var run = 0; run < 5; run++) analyzer.Analyze(new ArticleInput { Text = Repeat(unit, 64 * 1024), Published = DateTimeOffset.UnixEpoch });
        }
        var worst = 0.0;
        Console.WriteLine("| text | " + string.Join(" | ", SizesKb.Select(kb => $"{kb} KB ms/KB")) + " | spread |");
        Console.WriteLine("|---|" + string.Concat(SizesKb.Select(_ => "---:|")) + "---:|");
        foreach (var (name, unit) in kinds)
        {
            var perKb = SizesKb.Select(kb => MillisecondsPerKb(analyzer, Repeat(unit, kb * 1024))).ToArray();
            var spread = perKb.Max() / perKb.Min();
            worst = Math.Max(worst, spread);
            Console.WriteLine($"| {name} | " + string.Join(" | ", perKb.Select(v => v.ToString("0.00", CultureInfo.InvariantCulture)))
                              + $" | {spread.ToString("0.00", CultureInfo.InvariantCulture)}x |");
        }
        Console.WriteLine($"worst spread {worst.ToString("0.00", CultureInfo.InvariantCulture)}x (bar: 2x)");
        return worst <= 2 ? 0 : 1;
    }

    private static double MillisecondsPerKb(ArticleAnalyzer analyzer, string text)
    {
        var input = new ArticleInput { Text = text, Published = DateTimeOffset.UnixEpoch };
        analyzer.Analyze(input);
        var best = double.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var clock = Stopwatch.StartNew();
            analyzer.Analyze(input);
            best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
        }
        return best / (text.Length / 1024.0);
    }

    private static string Repeat(string unit, int length)
    {
        var builder = new StringBuilder(length + unit.Length);
        while (builder.Length < length) builder.Append(unit);
        return builder.ToString(0, length);
    }
}
