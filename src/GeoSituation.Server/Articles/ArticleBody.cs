using System.Text;
using System.Text.Json;
using GeoSituation.Core.Articles;

namespace GeoSituation.Server.Articles;

/// <summary>Reads a POST /articles body: JSON {title, text, url, source, published} or text/plain (first line the title).</summary>
internal static class ArticleBody
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The article, or the status and reason it is refused (400, 413, 415).</summary>
    public static async Task<(ArticleInput? Article, int Status, string Error)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        var mediaType = request.ContentType is { } contentType && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            ? parsed.MediaType.ToString().ToLowerInvariant() : "";
        var isJson = mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal);
        var isText = mediaType == "text/plain";
        if (!isJson && !isText) return (null, StatusCodes.Status415UnsupportedMediaType, "Send application/json {\"title\",\"text\",\"url\",\"source\",\"published\"} or text/plain.");
        if (request.ContentLength > maxBytes) return (null, StatusCodes.Status413PayloadTooLarge, $"The body may be at most {maxBytes} bytes.");

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes) return (null, StatusCodes.Status413PayloadTooLarge, $"The body may be at most {maxBytes} bytes.");
            buffer.Write(chunk, 0, read);
        }
        string content;
        try
        {
            content = StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            return (null, StatusCodes.Status400BadRequest, "The body is not valid UTF-8.");
        }
        if (content.Length > 0 && content[0] == '\uFEFF') content = content[1..];
        if (content.Contains('\0', StringComparison.Ordinal)) return (null, StatusCodes.Status400BadRequest, "The body contains NUL characters.");

        ArticleInput article;
        if (isText)
        {
            if (string.IsNullOrWhiteSpace(content)) return (null, StatusCodes.Status400BadRequest, "The body is empty.");
            article = ArticleFiles.FromPlainText(content);
        }
        else
        {
            try
            {
                using var document = JsonDocument.Parse(content, new JsonDocumentOptions { MaxDepth = 16 });
                article = ArticleFiles.FromJson(document.RootElement, "body");
            }
            catch (JsonException)
            {
                return (null, StatusCodes.Status400BadRequest, "The body is not valid JSON.");
            }
            catch (InvalidDataException e)
            {
                return (null, StatusCodes.Status400BadRequest, e.Message);
            }
            catch (InvalidOperationException)
            {
                // System.Text.Json refuses to decode escapes such as "\uD800" (an unpaired surrogate) into a string.
                return (null, StatusCodes.Status400BadRequest, "The body's JSON strings contain invalid Unicode escapes (unpaired surrogates).");
            }
        }
        // JSON escapes ("\u0000", "\uD800") decode to text the raw-byte checks above cannot see.
        if (!new[] { article.Title, article.Text, article.Url, article.Source }.All(Security.TextValidation.IsClean))
        {
            return (null, StatusCodes.Status400BadRequest, "The article contains control characters (such as NUL) or invalid Unicode (unpaired surrogates).");
        }
        if (article.Title.Length > 1000) return (null, StatusCodes.Status400BadRequest, "title may be at most 1000 characters.");
        if (article.Url is { Length: > 2048 }) return (null, StatusCodes.Status400BadRequest, "url may be at most 2048 characters.");
        if (article.Source is { Length: > 200 }) return (null, StatusCodes.Status400BadRequest, "source may be at most 200 characters.");
        return (article, StatusCodes.Status200OK, "");
    }
}
