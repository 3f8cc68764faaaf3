using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;

namespace GeoSituation.Core.Gazetteer;

/// <summary>One polygon of an areas file (geodata/humanitarian/areas.geojson or an import's <c>NAME.areas.geojson</c>).</summary>
public sealed record GazetteerArea
{
    public required string Key { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> Alternates { get; init; } = [];
    public SiteType Type { get; init; }
    public string Country { get; init; } = "";
    public string? PCode { get; init; }
    public string? Parent { get; init; }
    public string? SameAs { get; init; }
    public string Source { get; init; } = "";
    public string Licence { get; init; } = "";
    /// <summary>True when the outline is derived or sketched rather than surveyed.</summary>
    public bool Approximate { get; init; }
    /// <summary>Polygon or MultiPolygon, SRID 4326, valid (repaired on read).</summary>
    public required Geometry Geometry { get; init; }
    /// <summary>Position in the file's feature list, from 1 (0 when made in code).</summary>
    public int Feature { get; init; }
}

/// <summary>Reads and writes the areas format: a GeoJSON FeatureCollection of (Multi)Polygons with gazetteer properties.</summary>
public static class AreasFile
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    /// <summary>Reads every feature; a malformed one throws <see cref="InvalidDataException"/> naming the file and feature.</summary>
    public static List<GazetteerArea> Read(string path)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not JSON ({e.Message})", e);
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
                throw new InvalidDataException($"{path}: not a GeoJSON FeatureCollection (no \"features\" array)");
            var areas = new List<GazetteerArea>();
            var keys = new HashSet<string>(StringComparer.Ordinal);
            var n = 0;
            foreach (var feature in features.EnumerateArray())
            {
                n++;
                try
                {
                    var area = ReadFeature(feature, n);
                    if (!keys.Add(area.Key)) throw new InvalidDataException($"key '{area.Key}' appears twice");
                    areas.Add(area);
                }
                catch (Exception e) when (e is InvalidDataException or InvalidOperationException or KeyNotFoundException or FormatException or ArgumentException or IndexOutOfRangeException)
                {
                    throw new InvalidDataException($"{path}: feature {n}: {e.Message}", e);
                }
            }
            return areas;
        }
    }

    private static GazetteerArea ReadFeature(JsonElement feature, int n)
    {
        var p = feature.GetProperty("properties");
        var key = Text(p, "key") ?? throw new InvalidDataException("no \"key\" property");
        var name = Text(p, "name") ?? throw new InvalidDataException($"'{key}' has no \"name\"");
        var typeText = Text(p, "type") ?? "";
        if (!SiteTypes.TryParse(typeText, out var type)) throw new InvalidDataException($"'{key}': unknown type '{typeText}' (one of {SiteTypes.Names})");
        if (!feature.TryGetProperty("geometry", out var g) || g.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"'{key}' has no geometry");
        var geometryType = g.GetProperty("type").GetString();
        if (geometryType is not ("Polygon" or "MultiPolygon"))
            throw new InvalidDataException($"'{key}': geometry is {geometryType}, expected Polygon or MultiPolygon");
        var polygons = GeodataReader.GeoJsonPolygons(g).ToArray();
        foreach (var c in polygons.SelectMany(x => x.Coordinates))
        {
            if (c.Y is < -90 or > 90 || c.X is < -180 or > 180 || double.IsNaN(c.X) || double.IsNaN(c.Y))
                throw new InvalidDataException($"'{key}': coordinate {c.X} {c.Y} is not longitude/latitude in WGS 84 degrees");
        }
        var sameAs = Text(p, "same_as");
        var country = (Text(p, "country") ?? "").ToUpperInvariant();
        if (sameAs is null && (country.Length != 2 || !country.All(char.IsAsciiLetterUpper)))
            throw new InvalidDataException($"'{key}': country '{country}' is not an ISO 3166-1 alpha-2 code");
        return new GazetteerArea
        {
            Key = key, Name = name, Type = type, Country = country, PCode = Text(p, "pcode"), Parent = Text(p, "parent"), SameAs = sameAs,
            Source = Text(p, "source") ?? "", Licence = Text(p, "licence") ?? "",
            Approximate = p.TryGetProperty("approximate", out var a) && a.ValueKind == JsonValueKind.True,
            Alternates = p.TryGetProperty("alternates", out var alts) && alts.ValueKind == JsonValueKind.Array
                ? [.. alts.EnumerateArray().Select(s => s.GetString() ?? "").Where(s => s.Length > 0)]
                : [],
            Geometry = Repair(polygons.Length == 1 ? polygons[0] : Factory.CreateMultiPolygon(polygons), key),
            Feature = n,
        };
    }

    /// <summary>Repairs self-touching or mis-oriented rings (common in published boundary files); empty results are errors.</summary>
    public static Geometry Repair(Geometry geometry, string key)
    {
        var fixedGeometry = geometry.IsValid ? geometry : GeometryFixer.Fix(geometry);
        var polygons = Enumerable.Range(0, fixedGeometry.NumGeometries).Select(fixedGeometry.GetGeometryN).OfType<Polygon>().Where(x => !x.IsEmpty).ToArray();
        if (polygons.Length == 0 || fixedGeometry.Area <= 0) throw new InvalidDataException($"'{key}': the polygon has no area");
        Geometry result = polygons.Length == 1 ? polygons[0] : Factory.CreateMultiPolygon(polygons);
        result.SRID = 4326;
        return result;
    }

    /// <summary>Writes a FeatureCollection; coordinates rounded to 1e-6 degrees (~0.1 m).</summary>
    public static void Write(string path, IEnumerable<GazetteerArea> areas)
    {
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteStartArray("features");
        foreach (var a in areas)
        {
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteStartObject("properties");
            w.WriteString("key", a.Key);
            w.WriteString("name", a.Name);
            w.WriteStartArray("alternates");
            foreach (var alt in a.Alternates) w.WriteStringValue(alt);
            w.WriteEndArray();
            w.WriteString("type", SiteTypes.Text(a.Type));
            w.WriteString("country", a.Country);
            if (a.PCode is not null) w.WriteString("pcode", a.PCode);
            if (a.Parent is not null) w.WriteString("parent", a.Parent);
            if (a.SameAs is not null) w.WriteString("same_as", a.SameAs);
            w.WriteString("source", a.Source);
            w.WriteString("licence", a.Licence);
            w.WriteBoolean("approximate", a.Approximate);
            w.WriteEndObject();
            w.WriteStartObject("geometry");
            var polygons = Enumerable.Range(0, a.Geometry.NumGeometries).Select(a.Geometry.GetGeometryN).OfType<Polygon>().ToArray();
            w.WriteString("type", polygons.Length == 1 ? "Polygon" : "MultiPolygon");
            w.WriteStartArray("coordinates");
            foreach (var polygon in polygons)
            {
                if (polygons.Length > 1) w.WriteStartArray();
                foreach (var ring in new[] { polygon.ExteriorRing }.Concat(polygon.InteriorRings))
                {
                    w.WriteStartArray();
                    foreach (var c in ring.Coordinates)
                    {
                        w.WriteStartArray();
                        w.WriteNumberValue(Math.Round(c.X, 6));
                        w.WriteNumberValue(Math.Round(c.Y, 6));
                        w.WriteEndArray();
                    }
                    w.WriteEndArray();
                }
                if (polygons.Length > 1) w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static string? Text(JsonElement obj, string property) =>
        obj.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s.Trim() : null;
}
