using System.Text.Json;
using GeoSituation.Core.Gazetteer;
using System.Text.Json.Serialization;

namespace GeoSituation.Core.Tests.RealReporting;

/// <summary>One figure a careful analyst reads from an item (format in README.md beside this file).</summary>
public sealed record GoldFigure
{
    [JsonPropertyName("count")] public long Count { get; init; }
    [JsonPropertyName("high")] public long? High { get; init; }
    [JsonPropertyName("unit")] public string Unit { get; init; } = "people";
    [JsonPropertyName("qualifier")] public string? Qualifier { get; init; }
    [JsonPropertyName("kind")] public string Kind { get; init; } = "displaced";
    [JsonPropertyName("place")] public string? Place { get; init; }
    [JsonPropertyName("place_alts")] public string[]? PlaceAlternates { get; init; }
    [JsonPropertyName("place_country")] public string? PlaceCountry { get; init; }
    [JsonPropertyName("direction")] public string Direction { get; init; } = "at";
    [JsonPropertyName("origin")] public string? Origin { get; init; }
    [JsonPropertyName("origin_country")] public string? OriginCountry { get; init; }
    [JsonPropertyName("agency")] public string? Agency { get; init; }
    [JsonPropertyName("as_of")] public string? AsOf { get; init; }
}

/// <summary>A sentence or short excerpt written in the patterns of real reporting, with its gold figures.</summary>
public sealed record RealReportingItem
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("crisis")] public required string Crisis { get; init; }
    [JsonPropertyName("style")] public string? Style { get; init; }
    [JsonPropertyName("published")] public required string Published { get; init; }
    [JsonPropertyName("text")] public required string Text { get; init; }
    [JsonPropertyName("figures")] public GoldFigure[] Figures { get; init; } = [];
    [JsonPropertyName("note")] public string? Note { get; init; }

    public bool IsGaza => Crisis.Equals("gaza", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Reads the corpus files of this folder from the source tree (they are data, not build output).</summary>
public static class RealReportingCorpus
{
    public const string Development = "displacement-dev.jsonl";
    public const string Sealed = "displacement-sealed.jsonl";

    public static IReadOnlyList<RealReportingItem> Read(string fileName) => ReadJsonLines<RealReportingItem>(fileName);

    /// <summary>One object per non-blank line of a corpus file of this folder.</summary>
    public static IReadOnlyList<T> ReadJsonLines<T>(string fileName)
    {
        var path = Path.Combine(Folder(), fileName);
        var items = new List<T>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            items.Add(JsonSerializer.Deserialize<T>(line) ?? throw new InvalidDataException($"{fileName}:{lineNumber}: not a JSON object"));
        }
        return items;
    }

    /// <summary>The gold place names the found entry: its name, or a name the gazetteer lists it under, in the gold country.</summary>
    public static bool IsNamed(Core.Gazetteer.Gazetteer gazetteer, GazetteerEntry found, IEnumerable<string> names, string? country)
    {
        if (!string.IsNullOrEmpty(country) && !string.Equals(found.CountryCode, country, StringComparison.OrdinalIgnoreCase)) return false;
        foreach (var name in names)
        {
            if (found.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) return true;
            foreach (var hit in gazetteer.Lookup(name))
            {
                if (gazetteer.Entries[hit.Entry].Id == found.Id) return true;
            }
        }
        return false;
    }

    public static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "GeoSituation.Core.Tests", "RealReporting");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("tests/GeoSituation.Core.Tests/RealReporting not found above the test binary.");
    }
}
