using BenchmarkDotNet.Attributes;
using GeoSituation.Core.Articles;
using GeoSituation.Core.Gazetteer;
using GeoSituation.Core.Geoparsing;

namespace GeoSituation.Benchmarks;

/// <summary>Geoparser throughput on ~2,000-character articles, one thread (target: 2,000 articles/s/core).</summary>
[MemoryDiagnoser]
public class GeoparserBenchmarks
{
    private Geoparser geoparser = null!;
    private ArticleAnalyzer analyzer = null!;
    private IReadOnlyList<string> articles = [];

    [GlobalSetup]
    public void Setup()
    {
        var gazetteer = Gazetteer.Load(Gazetteer.LocateGeodata());
        geoparser = new Geoparser(gazetteer);
        analyzer = new ArticleAnalyzer(gazetteer);
        articles = BenchmarkArticles.Load();
    }

    [Params(0, 1)]
    public int Article { get; set; }

    /// <summary>A single ~2,000-character article: articles per second per core = 1 / Mean.</summary>
    [Benchmark]
    public int ParseOneArticle() => geoparser.Parse(articles[Article % articles.Count]).Count;

    /// <summary>The whole analysis `analyze` and ingest run: geoparsing, displacement figures and events (issue 12's
    /// target: still 2,000 documents/s).</summary>
    [Benchmark]
    public int AnalyzeOneArticle()
    {
        var analysis = analyzer.Analyze(new ArticleInput { Text = articles[Article % articles.Count], Published = DateTimeOffset.UnixEpoch });
        return analysis.Toponyms.Count + analysis.Displacement.Count + analysis.Events.Count;
    }
}
