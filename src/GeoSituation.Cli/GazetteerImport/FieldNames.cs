namespace GeoSituation.Cli.GazetteerImport;

/// <summary>Finds a field among a file's field names, case-insensitively, by the first candidate present.</summary>
internal sealed class FieldNames(IEnumerable<string> names)
{
    private readonly Dictionary<string, string> byLower = names.GroupBy(n => n.Trim().ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public string? Find(params IEnumerable<string> candidates) =>
        candidates.Select(c => byLower.GetValueOrDefault(c.ToLowerInvariant())).FirstOrDefault(f => f is not null);

    /// <summary>The field the user named: must exist (case-insensitively), else a bad-input error listing what does.</summary>
    public string Require(string field, string option) =>
        Find(field) ?? throw new InvalidDataException($"{option} {field}: no such field; the file has {string.Join(", ", byLower.Values.Order(StringComparer.Ordinal))}");
}
