using System.Text;
using System.Text.Json;

namespace GeoSituation.Postgis.Export;

/// <summary>What every CSV we write shares: RFC 4180 quoting, formula defusing and a feature's coordinates.</summary>
internal static class CsvText
{
    /// <summary>One row, CRLF-terminated; cells with a comma, quote or line break are quoted.</summary>
    public static Task WriteLineAsync(TextWriter writer, StringBuilder line, IEnumerable<string> cells, CancellationToken cancellationToken)
    {
        line.Clear();
        var first = true;
        foreach (var cell in cells)
        {
            if (!first) line.Append(',');
            first = false;
            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0) line.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            else line.Append(cell);
        }
        line.Append("\r\n");
        return writer.WriteAsync(line, cancellationToken);
    }

    /// <summary>Text that a spreadsheet would run as a formula (starting with = + - @) gets a leading apostrophe.</summary>
    public static string Defuse(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    /// <summary>A point's own coordinates; for lines (flows) the last vertex, where the people are now. Empty without geometry.</summary>
    public static (string Lat, string Lon) Position(JsonElement feature)
    {
        if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object) return ("", "");
        if (!geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array) return ("", "");
        var point = geometry.GetProperty("type").GetString() switch
        {
            "Point" => coordinates,
            "LineString" when coordinates.GetArrayLength() > 0 => coordinates[coordinates.GetArrayLength() - 1],
            _ => default,
        };
        if (point.ValueKind != JsonValueKind.Array || point.GetArrayLength() < 2) return ("", "");
        return (point[1].GetRawText(), point[0].GetRawText());
    }
}
