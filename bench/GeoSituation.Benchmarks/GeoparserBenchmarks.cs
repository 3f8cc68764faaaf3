using BenchmarkDotNet.Attributes;
using GeoSituation.Core.Gazetteer;
using GeoSituation.Core.Geoparsing;

namespace GeoSituation.Benchmarks;

/// <summary>Geoparser throughput on ~2,000-character articles, one thread (target: 2,000 articles/s/core).</summary>
[MemoryDiagnoser]
public class GeoparserBenchmarks
{
    private Geoparser geoparser = null!;
    private IReadOnlyList<string> articles = [];

    [GlobalSetup]
    public void Setup()
    {
        geoparser = new Geoparser(Gazetteer.Load(Gazetteer.LocateGeodata()));
        articles = BenchmarkArticles.Load();
    }

    [Params(0, 1)]
    public int Article { get; set; }

    /// <summary>A single ~2,000-character article: articles per second per core = 1 / Mean.</summary>
    [Benchmark]
    public int ParseOneArticle() => geoparser.Parse(articles[Article % articles.Count]).Count;
}
