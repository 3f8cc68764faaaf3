using System.Globalization;
using System.Text;
using System.Text.Json;
using GeoSituation.Postgis.Features;

namespace GeoSituation.Postgis.Export;

/// <summary>
/// Writes features as CSV (RFC 4180) with an HXL hashtag row under the header; shared by `geosituation export`
/// and /collections/{id}/items?f=csv so both give the same file.
/// </summary>
/// <remarks>
/// Coordinates: a point's own; for lines (flows) the last vertex, where the people are now.
/// Text that a spreadsheet would run as a formula (starting with = + - @) gets a leading apostrophe: quotes come
/// from the news, and a CSV opened in Excel must not execute them.
/// </remarks>
/// <param name="hashtags">False leaves out the hashtag row (`?hxl=false`): GDAL and most spreadsheets read it as data.</param>
public sealed class HxlCsvWriter(TextWriter writer, FeatureCollectionInfo collection, bool hashtags = true) : IFeatureCsvWriter
{
    private readonly IReadOnlyList<HxlColumn> columns = HxlColumns.For(collection);
    private readonly StringBuilder line = new();

    public IReadOnlyList<HxlColumn> Columns => columns;

    /// <summary>The header row and the HXL hashtag row.</summary>
    public async Task WriteHeaderAsync(CancellationToken cancellationToken = default)
    {
        await WriteLineAsync(columns.Select(c => c.Header), cancellationToken);
        if (hashtags) await WriteLineAsync(columns.Select(c => c.Hashtag), cancellationToken);
    }

    public Task WriteAsync(FeatureRow row, CancellationToken cancellationToken = default)
    {
        using var document = JsonDocument.Parse(row.Json);
        var feature = document.RootElement;
        var properties = feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        var (lat, lon) = CsvText.Position(feature);
        var cells = new List<string>(columns.Count);
        foreach (var column in columns)
        {
            cells.Add(column.Header switch
            {
                "fid" when column.Property is null => row.Fid.ToString(CultureInfo.InvariantCulture),
                HxlColumns.LatitudeHeader when column.Property is null => lat,
                HxlColumns.LongitudeHeader when column.Property is null => lon,
                _ => Cell(properties, column.Property!),
            });
        }
        return WriteLineAsync(cells, cancellationToken);
    }

    private static string Cell(JsonElement properties, string name)
    {
        if (properties.ValueKind != JsonValueKind.Object || !properties.TryGetProperty(name, out var value)) return "";
        return value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => "",
            JsonValueKind.String => CsvText.Defuse(value.GetString() ?? ""),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => CsvText.Defuse(value.GetRawText()),
        };
    }

    private Task WriteLineAsync(IEnumerable<string> cells, CancellationToken cancellationToken) =>
        CsvText.WriteLineAsync(writer, line, cells, cancellationToken);
}
