using GeoSituation.Core.Articles;
using GeoSituation.Postgis.Articles;

namespace GeoSituation.Postgis.Ingest;

/// <summary>Analyses an article and stores it with what was found: the one path every ingest takes (API, CLI, seeds).</summary>
public sealed class ArticleIngestor(ArticleAnalyzer analyzer, ArticleStore store)
{
    public async Task<(IngestResult Result, ArticleAnalysis Analysis)> IngestAsync(ArticleInput article, CancellationToken cancellationToken = default)
    {
        var analysis = analyzer.Analyze(article, cancellationToken);
        var result = await store.SaveAsync(analysis, cancellationToken);
        return (result, analysis);
    }
}
