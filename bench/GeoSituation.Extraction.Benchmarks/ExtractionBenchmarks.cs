using BenchmarkDotNet.Attributes;
using GeoSituation.Core.Displacement;
using GeoSituation.Core.Events;
using GeoSituation.Core.Geoparsing;
using GeoSituation.Core.Text;

namespace GeoSituation.Extraction.Benchmarks;

/// <summary>
/// Displacement and event extraction on the seed article, with sentences and toponyms computed once: what
/// extraction adds per article to ingest (target: a small share of the 2 ms an article may take at 500/s).
/// </summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    private readonly DisplacementExtractor displacement = new();
    private readonly EventExtractor events = new();
    private string text = "";
    private IReadOnlyList<TextSpan> sentences = [];
    private IReadOnlyList<Toponym> toponyms = [];
    private readonly DateTimeOffset published = new(2024, 2, 13, 12, 0, 0, TimeSpan.Zero);

    [GlobalSetup]
    public void Setup()
    {
        text = SeedText();
        sentences = SentenceSplitter.Split(text);
        var gazetteer = Core.Gazetteer.Gazetteer.Load(Core.Gazetteer.Gazetteer.LocateGeodata());
        toponyms = new Geoparser(gazetteer).Parse(text, sentences);
    }

    [Benchmark]
    public int Displacement() => displacement.Extract(text, sentences, toponyms, published).Count;

    [Benchmark]
    public int Events() => events.Extract(text, sentences, toponyms, published).Count;

    private static string SeedText()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "seeds"))) directory = directory.Parent;
        if (directory is null) throw new DirectoryNotFoundException("seeds/ not found above the benchmark binaries");
        var seed = File.ReadAllText(Directory.GetFiles(Path.Combine(directory.FullName, "seeds"), "*.txt").Order(StringComparer.Ordinal).First());
        return seed[(seed.IndexOf('\n') + 1)..];
    }
}
