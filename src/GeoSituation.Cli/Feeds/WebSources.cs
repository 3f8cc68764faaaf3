using GeoSituation.Core.Articles;

namespace GeoSituation.Cli.Feeds;

/// <summary>
/// Ingest inputs that are not article files: RSS/Atom feeds and HTML pages, as files (.xml, .rss, .atom, .html,
/// .htm) or http(s) URLs. Each becomes articles before analysis; what a URL holds is decided by its content.
/// </summary>
internal static class WebSources
{
    private static readonly string[] FeedExtensions = [".xml", ".rss", ".atom"];
    private static readonly string[] PageExtensions = [".html", ".htm"];

    /// <summary>A URL, or a file with a feed or page extension.</summary>
    public static bool Handles(string path) =>
        IsUrl(path) || FeedExtensions.Concat(PageExtensions).Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    public static bool IsUrl(string path) =>
        Uri.TryCreate(path, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>The articles in one source, with where each came from for error messages.</summary>
    public static async Task<IReadOnlyList<(ArticleInput Article, string Where)>> LoadAsync(string path, WebFetcher http, CancellationToken cancellationToken)
    {
        string content;
        string? url = null;
        bool isFeed;
        if (IsUrl(path))
        {
            url = path;
            using var response = await http.GetAsync(path, cancellationToken);
            if (!response.IsSuccessStatusCode) throw new InvalidDataException($"{path}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            content = await response.Content.ReadAsStringAsync(cancellationToken);
            var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
            isFeed = mediaType.Contains("xml", StringComparison.OrdinalIgnoreCase) || (!mediaType.Contains("html", StringComparison.OrdinalIgnoreCase) && FeedReader.LooksLikeFeed(content));
        }
        else
        {
            if (!File.Exists(path)) throw new FileNotFoundException($"No such file: {path}", path);
            content = await File.ReadAllTextAsync(path, cancellationToken);
            isFeed = FeedExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);
        }
        if (isFeed)
        {
            var items = FeedReader.Read(content, path);
            return [.. items.Select((a, i) => (a, $"{path}#{i + 1}"))];
        }
        return [(HtmlArticleExtractor.Extract(content, url), path)];
    }
}
