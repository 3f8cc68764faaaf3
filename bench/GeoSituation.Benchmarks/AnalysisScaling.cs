using System.Globalization;
using System.Text;
using GeoSituation.Core.Articles;
using GeoSituation.Core.Displacement;
using GeoSituation.Core.Events;
using GeoSituation.Core.Gazetteer;
using GeoSituation.Core.Geoparsing;
using GeoSituation.Core.Text;

namespace GeoSituation.Benchmarks;

/// <summary>
/// Whether analysis costs grow linearly with the text (issue 13, point 7): the whole pipeline on 16 KB - 1 MB of
/// repeated place names, news and the fuzz tests' pathological shapes, CPU milliseconds per KB for each size, and the
/// spread between the cheapest and the dearest KB.
/// Run: <c>dotnet run -c Release --project bench/GeoSituation.Benchmarks -- scaling</c> (add <c>stages</c> for the
/// same table per stage: sentences, geoparsing, displacement, events). Exit code 1 when the spread of any kind passes 2x.
/// </summary>
/// <remarks>
/// Not BenchmarkDotNet: one 1 MB run takes a second, and the question is the shape of the curve, not the last
/// percent. After a warm-up of every kind, each size is analysed at least three times and for at least a second of
/// CPU, twice (<see cref="LowerOfTwoPasses"/>), and the mean counts, garbage collection included: the cheapest run would leave the collections out of the
/// small sizes (a 16 KB run rarely meets one) and keep them in the large (every 1 MB run allocates enough for a full
/// collection), which is a difference of measurement, not of cost. Time is the process's CPU time
/// (<see cref="ProcessorTime"/>), not wall-clock time, so that other work on a shared machine does not show up as a
/// super-linear step.
/// </remarks>
internal static class AnalysisScaling
{
    private static readonly int[] SizesKb = [16, 64, 256, 1024];
    private static readonly TimeSpan MinimumPerSize = TimeSpan.FromSeconds(1);
    private const int MinimumRuns = 3;

    public static int Run(bool byStage)
    {
        var gazetteer = Gazetteer.Load(Gazetteer.LocateGeodata());
        var stages = new Stages(new Geoparser(gazetteer), new DisplacementExtractor(), new EventExtractor(gazetteer: gazetteer));
        var analyzer = new ArticleAnalyzer(stages.Geoparser, stages.Displacement, stages.Events);
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
            for (var run = 0; run < 5; run++) analyzer.Analyze(Input(Repeat(unit, 64 * 1024)));
        }
        var worst = 0.0;
        Console.WriteLine("CPU milliseconds per KB of text: per size, the lower of two means of at least 3 runs and 1 s each");
        Console.WriteLine();
        WriteHeader("text");
        var spreads = new List<(string Name, string Unit, double Spread)>();
        foreach (var (name, unit) in kinds)
        {
            var inputs = SizesKb.Select(kb => Input(Repeat(unit, kb * 1024))).ToArray();
            var perKb = LowerOfTwoPasses(kb => MeanPerKb(() => analyzer.Analyze(inputs[Array.IndexOf(SizesKb, kb)]), kb));
            var spread = WriteRow(name, perKb);
            worst = Math.Max(worst, spread);
            spreads.Add((name, unit, spread));
        }
        Console.WriteLine($"worst spread {Format(worst)}x (bar: 2x)");
        if (byStage)
        {
            foreach (var (name, unit, _) in spreads)
            {
                Console.WriteLine();
                WriteHeader(name);
                foreach (var (stage, perKb) in stages.PerKb(unit)) WriteRow(stage, perKb);
            }
        }
        return worst <= 2 ? 0 : 1;
    }

    /// <summary>The pipeline of <see cref="ArticleAnalyzer.Analyze"/> taken apart, to find which stage bends the curve.</summary>
    private sealed record Stages(Geoparser Geoparser, DisplacementExtractor Displacement, EventExtractor Events)
    {
        public IEnumerable<(string Stage, double[] PerKb)> PerKb(string unit)
        {
            var texts = SizesKb.Select(kb => Repeat(unit, kb * 1024)).ToArray();
            var sentences = texts.Select(SentenceSplitter.Split).ToArray();
            var toponyms = texts.Select((text, i) => Geoparser.Parse(text, sentences[i])).ToArray();
            yield return ("sentences", Measure(i => SentenceSplitter.Split(texts[i])));
            yield return ("geoparsing", Measure(i => Geoparser.Parse(texts[i], sentences[i])));
            yield return ("displacement", Measure(i => Displacement.Extract(texts[i], sentences[i], toponyms[i], DateTimeOffset.UnixEpoch)));
            yield return ("events", Measure(i => Events.Extract(texts[i], sentences[i], toponyms[i], DateTimeOffset.UnixEpoch)));
        }

        private static double[] Measure(Action<int> stage) => LowerOfTwoPasses(kb => MeanPerKb(() => stage(Array.IndexOf(SizesKb, kb)), kb));
    }

    /// <summary>Every size measured twice, smallest to largest and again, and the lower mean of each kept: a one-off
    /// disturbance (a method the tiered JIT recompiles, a burst from another process) lands in one pass only.</summary>
    private static double[] LowerOfTwoPasses(Func<int, double> measure)
    {
        var first = SizesKb.Select(measure).ToArray();
        var second = SizesKb.Select(measure).ToArray();
        return first.Zip(second, Math.Min).ToArray();
    }

    private static double MeanPerKb(Action analyse, int kb)
    {
        analyse();
        // The garbage of the previous size is collected here, not charged to this one.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var runs = 0;
        var before = ProcessorTime.Used();
        var used = TimeSpan.Zero;
        while (runs < MinimumRuns || used < MinimumPerSize)
        {
            analyse();
            runs++;
            used = ProcessorTime.Used() - before;
        }
        return used.TotalMilliseconds / runs / kb;
    }

    private static void WriteHeader(string first)
    {
        Console.WriteLine($"| {first} | " + string.Join(" | ", SizesKb.Select(kb => $"{kb} KB")) + " | spread |");
        Console.WriteLine("|---|" + string.Concat(SizesKb.Select(_ => "---:|")) + "---:|");
    }

    private static double WriteRow(string name, double[] perKb)
    {
        var spread = perKb.Max() / perKb.Min();
        Console.WriteLine($"| {name} | " + string.Join(" | ", perKb.Select(Format)) + $" | {Format(spread)}x |");
        return spread;
    }

    private static string Format(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static ArticleInput Input(string text) => new() { Text = text, Published = DateTimeOffset.UnixEpoch };

    private static string Repeat(string unit, int length)
    {
        var builder = new StringBuilder(length + unit.Length);
        while (builder.Length < length) builder.Append(unit);
        return builder.ToString(0, length);
    }
}
