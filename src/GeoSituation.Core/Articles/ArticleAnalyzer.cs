using GeoSituation.Core.Displacement;
using GeoSituation.Core.Events;
using GeoSituation.Core.Geoparsing;
using GeoSituation.Core.Text;

namespace GeoSituation.Core.Articles;

/// <summary>The text pipeline: sentences -> toponyms -> displacement figures and events.</summary>
/// <remarks>Thread-safe: one instance serves every request and ingest worker.</remarks>
public sealed class ArticleAnalyzer(Geoparser geoparser, DisplacementExtractor displacement, EventExtractor events)
{
    public ArticleAnalyzer(Gazetteer.Gazetteer gazetteer)
        : this(new Geoparser(gazetteer), new DisplacementExtractor(), new EventExtractor(gazetteer: gazetteer))
    {
    }

    /// <summary>Analyses one article.</summary>
    /// <remarks>
    /// The cost per KB of text is measured by `bench/GeoSituation.Benchmarks -- scaling` (16 KB - 1 MB).
    /// Cancellation is checked between the stages, so a request timeout ends an analysis at the next stage boundary
    /// (each stage of a 1 MB text takes about a second here).
    /// </remarks>
    public ArticleAnalysis Analyze(ArticleInput article, CancellationToken cancellationToken = default)
    {
        var text = article.Text;
        cancellationToken.ThrowIfCancellationRequested();
        var sentences = SentenceSplitter.Split(text);
        var toponyms = geoparser.Parse(text, sentences);
        cancellationToken.ThrowIfCancellationRequested();
        var figures = displacement.Extract(text, sentences, toponyms, article.Published);
        cancellationToken.ThrowIfCancellationRequested();
        var situationEvents = events.Extract(text, sentences, toponyms, article.Published);
        cancellationToken.ThrowIfCancellationRequested();
        return new ArticleAnalysis(article, ContentHash.Of(text), sentences, toponyms, figures, situationEvents);
    }
}
