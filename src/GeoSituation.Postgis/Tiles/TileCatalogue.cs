namespace GeoSituation.Postgis.Tiles;

/// <summary>One layer inside a vector tile, with its attribute types (TileJSON vector_layers fields).</summary>
public sealed record VectorLayerInfo(string Id, string Description, IReadOnlyDictionary<string, string> Fields, string GeometryType);

/// <summary>A tile source served at /tiles/{Id}: one SQL query producing one or more MVT layers.</summary>
public sealed record TileSourceInfo(string Id, string Description, int MinZoom, int MaxZoom, IReadOnlyList<VectorLayerInfo> Layers, bool TimeFiltered)
{
    internal string Script => $"Queries/Tiles/{Id}.sql";

    /// <summary>Properties a tile request may filter on by equality (<c>?event_type=battle</c>); data sources only.</summary>
    public IReadOnlyList<string> Filters { get; init; } = [];

    /// <summary>The type of a property (TileJSON field type: String, Number or Boolean), or null.</summary>
    public string? FieldType(string name) => Layers.Select(l => l.Fields.GetValueOrDefault(name)).FirstOrDefault(t => t is not null);
}

/// <summary>The fixed catalogue of tile sources; ids never reach SQL except through it.</summary>
public static class TileCatalogue
{
    /// <summary>The deepest zoom a tile request may ask for.</summary>
    public const int MaxZoom = 22;

    /// <summary>
    /// The deepest zoom whose tiles add detail, advertised as maxzoom in TileJSON, metadata.json and the style:
    /// clients overzoom beyond it (fewer requests, the same picture), and all three agree.
    /// </summary>
    public const int DetailMaxZoom = 14;

    private static Dictionary<string, string> Fields(params string[] pairs)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < pairs.Length; i += 2) fields[pairs[i]] = pairs[i + 1];
        return fields;
    }

    public static IReadOnlyList<TileSourceInfo> All { get; } =
    [
        new("places", "Resolved places named in the news (feature id = gazetteer id without its sign: MVT ids are unsigned; place_id keeps the sign)", 0, DetailMaxZoom,
            [new("places", "Places with mention counts", Fields("place_id", "Number", "name", "String", "geonameid", "Number", "kind", "String", "country", "String", "pcode", "String", "mentions", "Number", "articles", "Number", "first_seen", "String", "last_seen", "String"), "Point")], true)
        { Filters = ["name", "geonameid", "kind", "country", "pcode"] },
        new("displacement", "Displacement figures at the place they are about", 0, DetailMaxZoom,
            [new("displacement", "Displacement figures", Fields("people", "Number", "low", "Number", "high", "Number", "qualifier", "String", "direction", "String", "place", "String", "geonameid", "Number", "pcode", "String", "as_of", "String", "article_id", "Number", "confidence", "Number",
                "pcode_approximate", "Boolean", "is_vague", "Boolean", "unit", "String", "movement", "String", "source_agency", "String"), "Point")], true)
        { Filters = ["qualifier", "direction", "place", "geonameid", "pcode", "pcode_approximate", "is_vague", "article_id", "unit", "movement", "source_agency"] },
        new("displacement-summary", "Per place, direction and ISO week: latest, lowest and highest figures and their sources (never an average)", 0, DetailMaxZoom,
            [new("displacement-summary", "Displacement summary (feature id = the displacement-summary collection's fid)",
                Fields("place", "String", "geonameid", "Number", "pcode", "String", "pcode_approximate", "Boolean", "direction", "String", "period", "String",
                    "people", "Number", "qualifier", "String", "as_of", "String", "source", "String", "low", "Number", "low_source", "String",
                    "high", "Number", "high_source", "String", "sources", "Number", "figures", "Number", "area_km2", "Number",
                    "area_approximate", "Boolean", "density_per_km2", "Number"), "Point")], true)
        { Filters = ["place", "geonameid", "pcode", "direction", "period", "qualifier"] },
        new("events", "ACLED-style events", 0, DetailMaxZoom,
            [new("events", "Events", Fields("event_type", "String", "sub_type", "String", "date", "String", "place", "String", "geonameid", "Number", "fatalities", "Number", "article_id", "Number", "confidence", "Number",
                "actor1", "String", "inter1", "Number", "actor2", "String", "inter2", "Number", "interaction", "Number"), "Point")], true)
        { Filters = ["event_type", "sub_type", "date", "place", "geonameid", "article_id", "actor1", "inter1", "actor2", "inter2", "interaction"] },
        new("flows", "Displacement flows origin -> destination", 0, DetailMaxZoom,
            [new("flows", "Flow lines", Fields("people", "Number", "origin", "String", "destination", "String", "as_of", "String", "displacement_id", "Number", "article_id", "Number"), "LineString")], true)
        { Filters = ["origin", "destination", "displacement_id", "article_id"] },
        new("mentions", "Every mention of a place in an article", 0, DetailMaxZoom,
            [new("mentions", "Mentions: one feature per place with counts below zoom 12, one per mention from zoom 12",
                Fields("place_id", "Number", "place", "String", "mentions", "Number", "articles", "Number", "article_id", "Number", "surface", "String", "confidence", "Number", "seen_at", "String"), "Point")], true)
        { Filters = ["place_id", "article_id"] },
        new("basemap", "Offline basemap: Natural Earth countries, regions, Gaza governorates (approximate), GeoNames place labels", 0, DetailMaxZoom,
        [
            new("countries", "Country polygons (Natural Earth)", Fields("name", "String", "country", "String"), "Polygon"),
            new("regions", "Named regions (Gaza Strip, West Bank, Sinai)", Fields("name", "String", "country", "String", "approximate", "Boolean"), "Polygon"),
            new("governorates", "Gaza governorates; approximate=true: derived polygons, not surveyed boundaries", Fields("name", "String", "country", "String", "pcode", "String", "iso3166_2", "String", "approximate", "Boolean"), "Polygon"),
            new("labels", "Populated places (GeoNames), filtered by population per zoom", Fields("name", "String", "country", "String", "population", "Number", "feature_code", "String"), "Point"),
        ], false),
    ];

    public static TileSourceInfo? Find(string id) => All.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal));

    /// <summary>The smallest population labelled at a zoom: a world map shows megacities, a district map every town.</summary>
    public static long LabelMinPopulation(int zoom) => zoom switch
    {
        <= 2 => 5_000_000,
        3 => 2_000_000,
        4 => 1_000_000,
        5 => 500_000,
        6 => 200_000,
        7 => 50_000,
        8 => 20_000,
        9 => 5_000,
        _ => 0,
    };

    /// <summary>True when z/x/y address a tile of the Web Mercator XYZ grid this server serves.</summary>
    public static bool IsValidTile(int z, long x, long y) => z >= 0 && z <= MaxZoom && x >= 0 && y >= 0 && x < (1L << z) && y < (1L << z);
}
