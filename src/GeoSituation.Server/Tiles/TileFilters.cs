using System.Globalization;
using System.Text;
using System.Text.Json;
using GeoSituation.Postgis.Tiles;
using GeoSituation.Server.Problems;

namespace GeoSituation.Server.Tiles;

/// <summary>
/// Property filters of a tile request (<c>/tiles/events/{z}/{x}/{y}?event_type=battle</c>): every query
/// parameter but those of <see cref="TileQuery.Parameters"/> names a property and the value it must equal. In a composite tile a filter
/// applies to the layers that have the property; a name none of them has is a 400, so a typo never silently
/// shows everything.
/// </summary>
internal static class TileFilters
{
    /// <summary>Per source, its filters as a canonical JSON object (sorted names, typed values), or null for none.</summary>
    public static bool TryParse(IQueryCollection query, IReadOnlyList<TileSourceInfo> sources, out Dictionary<string, string?> bySource, out IResult problem)
    {
        bySource = sources.ToDictionary(s => s.Id, _ => (string?)null, StringComparer.Ordinal);
        problem = null!;
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, given) in query)
        {
            if (TileQuery.Parameters.Contains(name)) continue;
            if (!sources.Any(s => s.Filters.Contains(name)))
            {
                var allowed = sources.SelectMany(s => s.Filters).Distinct().ToList();
                problem = Problem.BadRequest("Unknown tile parameter",
                    $"'{Shown(name)}' is not a filter of this tile source. Use {string.Join(", ", TileQuery.Parameters.Order(StringComparer.Ordinal))}{(allowed.Count > 0 ? " or one of: " + string.Join(", ", allowed) : "")}.");
                return false;
            }
            if (given.Count != 1)
            {
                problem = Problem.BadRequest("Repeated tile parameter", $"{Shown(name)} may be given once.");
                return false;
            }
            values[name] = given[0] ?? "";
        }
        if (values.Count == 0) return true;

        foreach (var source in sources)
        {
            var mine = values.Where(v => source.Filters.Contains(v.Key)).ToList();
            if (mine.Count == 0) continue;
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                foreach (var (name, text) in mine)
                {
                    if (!TryWriteValue(writer, name, source.FieldType(name), text, out var error))
                    {
                        problem = Problem.BadRequest("Invalid tile filter", error);
                        return false;
                    }
                }
                writer.WriteEndObject();
            }
            bySource[source.Id] = Encoding.UTF8.GetString(buffer.ToArray());
        }
        return true;
    }

    /// <summary>Writes the value with the property's type, so 281102 matches a number and "true" a boolean.</summary>
    private static bool TryWriteValue(Utf8JsonWriter writer, string name, string? type, string text, out string error)
    {
        error = "";
        switch (type)
        {
            case "Number" when decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number):
                // Dividing by 1.000... drops trailing zeros: 7, 7.0 and +007.00 are one filter (and one cache key).
                writer.WriteNumber(name, number / 1.0000000000000000000000000000m);
                return true;
            case "Number":
                error = $"{name} must be a number.";
                return false;
            case "Boolean" when text is "true" or "false":
                writer.WriteBoolean(name, text == "true");
                return true;
            case "Boolean":
                error = $"{name} must be true or false.";
                return false;
            default:
                writer.WriteString(name, text);
                return true;
        }
    }

    private static string Shown(string name) => name.Length > 40 ? name[..40] + "..." : name;
}
