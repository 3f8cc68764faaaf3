using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using GeoSituation.Core.Articles;

namespace GeoSituation.Cli.Feeds;

/// <summary>
/// The article in a news web page, readability-style: page furniture (navigation, header, footer, asides, forms,
/// scripts, comments) is dropped, the element holding most paragraph text is taken as the story, and its
/// paragraphs become the text. Title and date come from the page's Open Graph / article metadata when present.
/// </summary>
/// <remarks>
/// Regular expressions rather than a DOM: news pages are tag soup, and what we need (paragraphs and a few meta tags)
/// survives that. A paragraph shorter than a short sentence is a caption, byline or button label, not story text.
/// </remarks>
internal static partial class HtmlArticleExtractor
{
    private const int MinParagraphCharacters = 40;

    public static ArticleInput Extract(string html, string? url)
    {
        var cleaned = Furniture().Replace(Comment().Replace(html, " "), " ");
        var body = StoryContainer(cleaned);
        var paragraphs = Paragraph().Matches(body)
            .Select(m => HtmlText.ToText(m.Groups["body"].Value).Replace('\n', ' '))
            .Where(p => p.Length >= MinParagraphCharacters)
            .ToList();
        var text = paragraphs.Count > 0 ? string.Join("\n\n", paragraphs) : HtmlText.ToText(body);
        if (string.IsNullOrWhiteSpace(text)) throw new InvalidDataException($"{url ?? "the page"}: no article text found.");

        var title = Meta(html, "og:title") ?? TitleTag(html) ?? "";
        return new ArticleInput
        {
            Title = title,
            Text = text,
            Url = Meta(html, "og:url") ?? url,
            Source = Meta(html, "og:site_name") ?? (Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme.StartsWith("http", StringComparison.Ordinal) ? u.Host : null),
            Published = ParseDate(Meta(html, "article:published_time") ?? Meta(html, "date") ?? TimeElement(cleaned)),
        };
    }

    /// <summary>The &lt;article&gt; (or main) with the most paragraph text, else the whole body.</summary>
    private static string StoryContainer(string html)
    {
        var best = Container().Matches(html)
            .Select(m => m.Groups["body"].Value)
            .Select(b => (Body: b, Length: Paragraph().Matches(b).Sum(p => HtmlText.ToText(p.Groups["body"].Value).Length)))
            .Where(c => c.Length > 0)
            .OrderByDescending(c => c.Length)
            .FirstOrDefault();
        return best.Body ?? html;
    }

    private static string? Meta(string html, string name)
    {
        foreach (Match tag in MetaTag().Matches(html))
        {
            var attributes = tag.Value;
            var key = Attribute(attributes, "property") ?? Attribute(attributes, "name") ?? Attribute(attributes, "itemprop");
            if (!string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) continue;
            var content = Attribute(attributes, "content");
            if (!string.IsNullOrWhiteSpace(content)) return WebUtility.HtmlDecode(content).Trim();
        }
        return null;
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $@"\b{name}\s*=\s*(?:""(?<v>[^""]*)""|'(?<v>[^']*)'|(?<v>[^\s>]+))", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        return match.Success ? match.Groups["v"].Value : null;
    }

    private static string? TitleTag(string html)
    {
        var match = Title().Match(html);
        var title = match.Success ? HtmlText.ToText(match.Groups["body"].Value).Replace('\n', ' ') : "";
        return title.Length > 0 ? title : null;
    }

    private static string? TimeElement(string html)
    {
        var match = Time().Match(html);
        return match.Success ? Attribute(match.Value, "datetime") : null;
    }

    private static DateTimeOffset? ParseDate(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"<(script|style|noscript|template|svg|nav|header|footer|aside|form|button|iframe|figure)\b[^>]*>.*?</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Furniture();

    [GeneratedRegex(@"<(article|main)\b[^>]*>(?<body>.*?)</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Container();

    [GeneratedRegex(@"<p\b[^>]*>(?<body>.*?)(?=</p\s*>|<p\b|</div|</article|</main|$)", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Paragraph();

    [GeneratedRegex(@"<meta\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex MetaTag();

    [GeneratedRegex(@"<title\b[^>]*>(?<body>.*?)</title\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Title();

    [GeneratedRegex(@"<time\b[^>]*\bdatetime\s*=[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Time();
}
