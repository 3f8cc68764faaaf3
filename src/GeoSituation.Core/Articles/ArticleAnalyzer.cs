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

    public ArticleAnalysis Analyze(ArticleInput article)
    {
        var text = article.Text;
        var sentences = SentenceSplitter.Split(text);
        var toponyms = geoparser.Parse(text, sentences);
        var figures = displacement.Extract(text, sentences, toponyms, article.Published);
        var situationEvents = events.Extract(text, sentences, toponyms, article.Published);
        return new ArticleAnalysis(article, ContentHash.Of(text), sentences, toponyms, figures, situationEvents);
    }
}
