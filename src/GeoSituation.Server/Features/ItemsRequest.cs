using System.Globalization;
using GeoSituation.Postgis.Export;
using GeoSituation.Postgis.Features;

namespace GeoSituation.Server.Features;

/// <summary>Validates the query string of /collections/{id}/items into a <see cref="FeatureQuery"/>, or says what is wrong.</summary>
internal static class ItemsRequest
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 10_000;

    /// <summary>The "limit" of a CSV asked for without one: every matching row, read in keyset chunks.</summary>
    /// <remarks>One below int.MaxValue: the store reads limit + 1 rows to learn whether a next page exists.</remarks>
    public const int AllRows = int.MaxValue - 1;

    // Parameters every items request may carry besides property filters. f=json is accepted for clients that add it.
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal) { "bbox", "bbox-crs", "crs", "datetime", "limit", "after", "before", "f", "schema", "hxl" };
    private const string Crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    public static bool TryParse(FeatureCollectionInfo collection, IQueryCollection query, out FeatureQuery parsed, out string error)
    {
        parsed = null!;
        error = "";
        var limit = DefaultLimit;
        if (Single(query, "limit", ref error) is { } limitText)
        {
            if (limitText.Length == 0 || limitText.Length > 100 || !limitText.All(char.IsAsciiDigit) || limitText.All(c => c == '0'))
            {
                error = "limit must be a positive integer.";
                return false;
            }
            // OGC API Features: a limit above the maximum is served at the maximum, not refused.
            limit = long.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var requested) ? (int)Math.Min(requested, MaxLimit) : MaxLimit;
        }
        if (error.Length > 0) return false;

        BoundingBox? bbox = null;
        if (Single(query, "bbox", ref error) is { } bboxText)
        {
            if (!TryParseBbox(bboxText, out var box, out error)) return false;
            bbox = box;
        }
        foreach (var crsParameter in new[] { "bbox-crs", "crs" })
        {
            if (Single(query, crsParameter, ref error) is { } crs && crs != Crs84) { error = $"{crsParameter}: only {Crs84} is supported."; return false; }
        }
        if (Single(query, "f", ref error) is { } format && format is not ("json" or "geojson" or "csv")) { error = "f must be json, geojson or csv."; return false; }

        DateTimeOffset? start = null, end = null;
        if (Single(query, "datetime", ref error) is { } datetime && !Datetime.TryParse(datetime, out start, out end, out error)) return false;

        long? after = null, before = null;
        if (Single(query, "after", ref error) is { } afterText)
        {
            if (!long.TryParse(afterText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) { error = "after must be a feature id (integer)."; return false; }
            after = value;
        }
        if (Single(query, "before", ref error) is { } beforeText)
        {
            if (!long.TryParse(beforeText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) { error = "before must be a feature id (integer)."; return false; }
            before = value;
        }
        if (error.Length > 0) return false;

        var filters = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in query)
        {
            if (Known.Contains(name)) continue;
            if (collection.FindProperty(name) is null)
            {
                error = $"Unknown parameter '{Truncate(name)}'. Use bbox, datetime, limit, after, before or a property of the collection (see /collections/{collection.Id}/queryables).";
                return false;
            }
            if (values.Count != 1) { error = $"{Truncate(name)} may be given once."; return false; }
            filters.Add(new(name, values[0] ?? ""));
        }
        parsed = new FeatureQuery(collection, limit, bbox, start, end, after, before, filters);
        return true;
    }

    /// <summary>?hxl=false leaves the HXL hashtag row out of CSV (true by default); it needs f=csv.</summary>
    public static bool TryParseHxl(IQueryCollection query, out bool hashtags, out string error)
    {
        hashtags = true;
        error = "";
        var text = Single(query, "hxl", ref error);
        if (error.Length > 0) return false;
        if (text is null) return true;
        if (text is not ("true" or "false")) { error = "hxl must be true or false."; return false; }
        if (query["f"] != "csv") { error = "hxl applies to CSV: add f=csv."; return false; }
        hashtags = text == "true";
        return true;
    }

    /// <summary>?schema= picks the CSV column layout (hxl by default; acled for events); it needs f=csv.</summary>
    public static bool TryParseSchema(FeatureCollectionInfo collection, IQueryCollection query, out CsvSchema schema, out string error)
    {
        schema = CsvSchema.Hxl;
        error = "";
        var name = Single(query, "schema", ref error);
        if (error.Length > 0) return false;
        if (!FeatureCsv.TryParseSchema(name, out schema))
        {
            error = $"schema must be one of: {string.Join(", ", FeatureCsv.SchemaNames)}.";
            return false;
        }
        if (name is not null && query["f"] != "csv") { error = "schema applies to CSV: add f=csv."; return false; }
        if (!FeatureCsv.Supports(collection, schema)) { error = $"schema={name} is for the events collection."; return false; }
        return true;
    }

    private static string? Single(IQueryCollection query, string name, ref string error)
    {
        if (!query.TryGetValue(name, out var values)) return null;
        if (values.Count != 1) { error = $"{name} may be given once."; return null; }
        return values[0];
    }

    /// <summary>4 or 6 finite numbers (minLon,minLat[,minZ],maxLon,maxLat[,maxZ]) in CRS84, min &lt;= max.</summary>
    public static bool TryParseBbox(string text, out BoundingBox bbox, out string error)
    {
        bbox = default;
        error = "bbox must be 4 or 6 comma-separated numbers: minLon,minLat,maxLon,maxLat with -180<=lon<=180, -90<=lat<=90 and min<=max.";
        var parts = text.Split(',');
        if (parts.Length is not (4 or 6)) return false;
        var numbers = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) || !double.IsFinite(numbers[i])) return false;
        }
        var (minLon, minLat, maxLon, maxLat) = parts.Length == 4
            ? (numbers[0], numbers[1], numbers[2], numbers[3])
            : (numbers[0], numbers[1], numbers[3], numbers[4]);
        if (minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90 || minLon > maxLon || minLat > maxLat) return false;
        bbox = new BoundingBox(minLon, minLat, maxLon, maxLat);
        error = "";
        return true;
    }

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "...";
}
