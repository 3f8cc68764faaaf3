using System.ServiceModel.Syndication;
using System.Xml;
using GeoSituation.Core.Articles;

namespace GeoSituation.Cli.Feeds;

/// <summary>Articles from an RSS 2.0 or Atom 1.0 feed: one per item, its content (else summary) as text.</summary>
internal static class FeedReader
{
    public static bool LooksLikeFeed(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 2048));
        return head.Contains("<rss", StringComparison.OrdinalIgnoreCase) || head.Contains("<feed", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<rdf:RDF", StringComparison.OrdinalIgnoreCase);
    }

    public static IReadOnlyList<ArticleInput> Read(string xml, string where)
    {
        SyndicationFeed feed;
        try
        {
            // No DTDs: a feed has none, and resolving one is how XML entity attacks start.
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            feed = SyndicationFeed.Load(reader);
        }
        catch (Exception e) when (e is XmlException or InvalidOperationException)
        {
            throw new InvalidDataException($"{where}: not an RSS or Atom feed ({e.Message})", e);
        }
        var source = feed.Title?.Text;
        var articles = new List<ArticleInput>();
        foreach (var item in feed.Items)
        {
            var html = (item.Content as TextSyndicationContent)?.Text ?? item.Summary?.Text ?? "";
            var text = HtmlText.ToText(html);
            if (text.Length == 0) continue;
            var published = item.PublishDate != default ? item.PublishDate : item.LastUpdatedTime != default ? item.LastUpdatedTime : (DateTimeOffset?)null;
            articles.Add(new ArticleInput
            {
                Title = HtmlText.ToText(item.Title?.Text ?? ""),
                Text = text,
                Url = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.Uri?.ToString() ?? item.Id,
                Source = source,
                Published = published,
            });
        }
        return articles;
    }
}
