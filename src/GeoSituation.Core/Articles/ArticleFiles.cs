using System.Globalization;
using System.Text.Json;

namespace GeoSituation.Core.Articles;

/// <summary>Reads articles from files: .txt (first line the title, the rest the text), .jsonl (one JSON article a line), .json (one article or an array).</summary>
public static class ArticleFiles
{
    public static readonly string[] Extensions = [".txt", ".jsonl", ".json"];

    /// <summary>Every article file under the given files and folders (folders recursively), sorted for a stable order.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new FileNotFoundException($"No such file or folder: {path}", path);
            }
        }
        return files;
    }

    /// <summary>The articles in one file; malformed JSON lines raise <see cref="InvalidDataException"/> naming the line.</summary>
    public static IEnumerable<ArticleInput> Read(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        switch (extension)
        {
            case ".jsonl":
                var lineNumber = 0;
                foreach (var line in File.ReadLines(path))
                {
                    lineNumber++;
                    if (string.IsNullOrWhiteSpace(line)) continue;
                    yield return ParseJsonOrThrow(line, $"{path}:{lineNumber}");
                }
                break;
            case ".json":
                using (var document = ParseDocument(File.ReadAllText(path), path))
                {
                    if (document.RootElement.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var element in document.RootElement.EnumerateArray()) yield return FromJson(element, path);
                    }
                    else
                    {
                        yield return FromJson(document.RootElement, path);
                    }
                }
                break;
            default:
                yield return FromPlainText(File.ReadAllText(path));
                break;
        }
    }

    /// <summary>Plain text as in seeds/: the first non-blank line is the title, the rest is the text.</summary>
    /// <remarks>A single line is both: news without a headline still gets stored and shown.</remarks>
    public static ArticleInput FromPlainText(string content)
    {
        content = content.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart();
        var newline = content.IndexOf('\n', StringComparison.Ordinal);
        if (newline < 0) return new ArticleInput { Title = content.Trim(), Text = content.Trim() };
        var title = content[..newline].Trim();
        var text = content[(newline + 1)..].Trim();
        return text.Length == 0 ? new ArticleInput { Title = title, Text = title } : new ArticleInput { Title = title, Text = text };
    }

    private static ArticleInput ParseJsonOrThrow(string json, string where)
    {
        using var document = ParseDocument(json, where);
        return FromJson(document.RootElement, where);
    }

    private static JsonDocument ParseDocument(string json, string where)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{where}: not valid JSON ({e.Message})", e);
        }
    }

    /// <summary>An article from a JSON object {title, text, url, source, published}; unknown members are ignored.</summary>
    public static ArticleInput FromJson(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new InvalidDataException($"{where}: an article must be a JSON object.");
        var text = OptionalString(element, "text", where);
        if (string.IsNullOrWhiteSpace(text)) throw new InvalidDataException($"{where}: \"text\" is required and must be a non-empty string.");
        var published = OptionalString(element, "published", where);
        DateTimeOffset? publishedAt = null;
        if (!string.IsNullOrWhiteSpace(published))
        {
            if (!DateTimeOffset.TryParse(published, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                throw new InvalidDataException($"{where}: \"published\" must be an ISO 8601 date or date-time.");
            }
            publishedAt = parsed;
        }
        return new ArticleInput
        {
            Title = OptionalString(element, "title", where)?.Trim() ?? "",
            Text = text,
            Url = OptionalString(element, "url", where),
            Source = OptionalString(element, "source", where),
            Published = publishedAt,
        };
    }

    private static string? OptionalString(JsonElement element, string name, string where)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String) throw new InvalidDataException($"{where}: \"{name}\" must be a string.");
        return value.GetString();
    }
}
