using System.Text.Json;

namespace GeoSituation.Cli.Analysis;

/// <summary>One `analyze` input line: {"id","text","published"?}.</summary>
internal sealed record ArticleLine(string Id, string Text, DateTimeOffset? Published);

internal static class ArticleLineReader
{
    /// <summary>Parses a line; returns an error message instead of throwing so one bad line does not stop a batch.</summary>
    public static ArticleLine? Parse(string line, int lineNumber, out string? error)
    {
        error = null;
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
            {
                error = $"line {lineNumber}: expected an object with a string \"text\"";
                return null;
            }
            var id = root.TryGetProperty("id", out var idElement)
                ? idElement.ValueKind == JsonValueKind.String ? idElement.GetString()! : idElement.GetRawText()
                : lineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
            DateTimeOffset? published = null;
            if (root.TryGetProperty("published", out var p) && p.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(p.GetString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed))
                published = parsed;
            return new ArticleLine(id, text.GetString()!, published);
        }
        catch (JsonException e)
        {
            error = $"line {lineNumber}: not valid JSON ({e.Message})";
            return null;
        }
    }
}
