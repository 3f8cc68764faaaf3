namespace GeoSituation.Postgis.Features;

/// <summary>A property of a collection's features, as documented in its queryables and TileJSON fields.</summary>
public sealed record FeatureProperty(string Name, string Type, string Description);

/// <summary>One OGC API Features collection, backed by a view named ogc_{Id} (see Migrations/0002_collections.sql).</summary>
/// <param name="GeometryType">GeoJSON geometry type, or null for collections without geometry (articles).</param>
public sealed record FeatureCollectionInfo(
    string Id,
    string Title,
    string Description,
    string? GeometryType,
    IReadOnlyList<FeatureProperty> Properties)
{
    internal string View => "ogc_" + Id;

    public FeatureProperty? FindProperty(string name) => Properties.FirstOrDefault(p => p.Name == name);
}

/// <summary>The fixed catalogue of collections: the only identifiers that ever reach SQL.</summary>
public static class FeatureCatalogue
{
    private static FeatureProperty P(string name, string type, string description) => new(name, type, description);

    public static IReadOnlyList<FeatureCollectionInfo> All { get; } =
    [
        new("places", "Places", "Every resolved place named in the news, with how often and when.", "Point",
        [
            P("name", "string", "Gazetteer name"),
            P("geonameid", "integer", "GeoNames id (null for countries and hand-kept regions)"),
            P("kind", "string", "city, admin, region or country"),
            P("country", "string", "ISO 3166-1 alpha-2 code"),
            P("feature_code", "string", "GeoNames feature code"),
            P("admin1", "string", "First-level administrative division"),
            P("pcode", "string", "Humanitarian P-code, where one exists"),
            P("population", "integer", "Population (GeoNames)"),
            P("mentions", "integer", "Number of mentions in stored articles"),
            P("articles", "integer", "Number of articles naming the place"),
            P("first_seen", "string", "Earliest article time (RFC 3339)"),
            P("last_seen", "string", "Latest article time (RFC 3339)"),
        ]),
        new("mentions", "Mentions", "Each place name found in an article, with its character offsets and sentence.", "Point",
        [
            P("surface", "string", "The name as written in the article"),
            P("place", "string", "Gazetteer name of the resolved place"),
            P("geonameid", "integer", "GeoNames id (null for countries and regions)"),
            P("place_id", "integer", "Gazetteer id of the place (the places collection's feature id)"),
            P("country", "string", "ISO 3166-1 alpha-2 code"),
            P("start", "integer", "Start offset (UTF-16 index) in the article text"),
            P("end", "integer", "End offset (exclusive)"),
            P("sentence_start", "integer", "Start offset of the sentence"),
            P("sentence_end", "integer", "End offset of the sentence"),
            P("confidence", "number", "Probability that recognition and resolution are right"),
            P("seen_at", "string", "Article time (published, else ingested)"),
            P("article_id", "integer", "Article id"),
            P("article_title", "string", "Article title"),
            P("article_url", "string", "Article URL"),
        ]),
        new("displacement", "Displacement", "Displacement figures quoted in articles, at the place they are about.", "Point",
        [
            P("people", "integer", "Best estimate of the number of people"),
            P("low", "integer", "Lower bound (null when open)"),
            P("high", "integer", "Upper bound (null when open)"),
            P("qualifier", "string", "approximately, about, up to, more than, ..."),
            P("number_text", "string", "The number phrase as written"),
            P("direction", "string", "at: people are at the place; from: people fled the place"),
            P("place", "string", "Gazetteer name of the place"),
            P("geonameid", "integer", "GeoNames id of the place"),
            P("place_id", "integer", "Gazetteer id of the place"),
            P("pcode", "string", "Humanitarian P-code of the place"),
            P("country", "string", "ISO 3166-1 alpha-2 code"),
            P("origin", "string", "Where people fled from, when named"),
            P("origin_geonameid", "integer", "GeoNames id of the origin"),
            P("as_of", "string", "Date the figure applies to (YYYY-MM-DD)"),
            P("as_of_basis", "string", "text, published or unknown"),
            P("article_id", "integer", "Article id"),
            P("article_url", "string", "Article URL"),
            P("article_title", "string", "Article title"),
            P("quote", "string", "The sentence quoted as the source"),
            P("confidence", "number", "Confidence of the extraction"),
        ]),
        new("events", "Events", "ACLED-style events reported at places.", "Point",
        [
            P("event_type", "string", "battles, explosions_remote_violence, violence_against_civilians, protests, strategic_developments, humanitarian_access"),
            P("sub_type", "string", "Short sub-type label"),
            P("date", "string", "Event date (YYYY-MM-DD)"),
            P("place", "string", "Gazetteer name of the place"),
            P("geonameid", "integer", "GeoNames id of the place"),
            P("place_id", "integer", "Gazetteer id of the place"),
            P("pcode", "string", "Humanitarian P-code of the place"),
            P("country", "string", "ISO 3166-1 alpha-2 code"),
            P("geo_precision", "integer", "1 exact town, 2 near/part of region, 3 larger region"),
            P("time_precision", "integer", "1 day, 2 week, 3 month or vaguer"),
            P("fatalities", "integer", "Fatalities when stated"),
            P("article_id", "integer", "Article id"),
            P("article_url", "string", "Article URL"),
            P("article_title", "string", "Article title"),
            P("quote", "string", "The sentence quoted as the source"),
            P("confidence", "number", "Confidence of the extraction"),
        ]),
        new("flows", "Flows", "Displacement from an origin to a destination, as lines.", "LineString",
        [
            P("people", "integer", "Number of people"),
            P("origin", "string", "Where people fled from"),
            P("origin_geonameid", "integer", "GeoNames id of the origin"),
            P("destination", "string", "Where people are"),
            P("destination_geonameid", "integer", "GeoNames id of the destination"),
            P("as_of", "string", "Date the figure applies to"),
            P("displacement_id", "integer", "Feature id in the displacement collection"),
            P("article_id", "integer", "Article id"),
        ]),
        new("articles", "Articles", "Stored news articles (no geometry).", null,
        [
            P("title", "string", "Title"),
            P("url", "string", "URL"),
            P("source", "string", "Source"),
            P("published", "string", "Published time (RFC 3339)"),
            P("ingested_at", "string", "Ingest time (RFC 3339)"),
            P("content_hash", "string", "SHA-256 of the normalised text"),
            P("mentions", "integer", "Number of place mentions"),
            P("displacement", "integer", "Number of displacement figures"),
            P("events", "integer", "Number of events"),
        ]),
    ];

    public static FeatureCollectionInfo? Find(string id) => All.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.Ordinal));
}
