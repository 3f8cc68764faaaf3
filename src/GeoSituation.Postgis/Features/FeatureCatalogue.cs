namespace GeoSituation.Postgis.Features;

/// <summary>A property of a collection's features, as documented in its queryables, GML schema and CSV.</summary>
/// <param name="Type">JSON Schema type as served: string, integer, number or boolean.</param>
public sealed record FeatureProperty(string Name, string Type, string Description)
{
    /// <summary>JSON Schema format of a string: "date" (YYYY-MM-DD) or "date-time" (RFC 3339); null for none.</summary>
    /// <remarks>GML schema types follow it (xs:date, xs:dateTime), so GDAL and QGIS read dates as dates.</remarks>
    public string? Format { get; init; }

    /// <summary>
    /// A 64-bit integer id served as its decimal text: gazetteer ids of countries and regions are 12-digit negative
    /// numbers, and a client that guesses field types from the first features (QGIS 3.22 reads ten) makes the field
    /// a 32-bit integer when those hold only towns, then truncates the rest. Text is the same for every client.
    /// </summary>
    public bool IntegerText { get; init; }
}

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

    private static FeatureProperty Date(string name, string description) => new(name, "string", description) { Format = "date" };

    private static FeatureProperty Time(string name, string description) => new(name, "string", description) { Format = "date-time" };

    private static FeatureProperty Id64(string name, string description) => new(name, "string", description + " (64-bit integer, as text)") { IntegerText = true };

    public static IReadOnlyList<FeatureCollectionInfo> All { get; } =
    [
        new("places", "Places", "Every resolved place named in the news, with how often and when.", "Point",
        [
            P("name", "string", "Gazetteer name"),
            P("geonameid", "integer", "GeoNames id (null only for hand-kept regions inside a country and P-coded imported areas)"),
            P("kind", "string", "city, admin, region or country"),
            P("country", "string", "ISO 3166-1 alpha-2 code"),
            P("feature_code", "string", "GeoNames feature code"),
            P("admin1", "string", "First-level administrative division"),
            P("pcode", "string", "Humanitarian P-code, where one exists"),
            P("population", "integer", "Population (GeoNames)"),
            P("mentions", "integer", "Number of mentions in stored articles"),
            P("articles", "integer", "Number of articles naming the place"),
            Time("first_seen", "Earliest article time (RFC 3339)"),
            Time("last_seen", "Latest article time (RFC 3339)"),
        ]),
        new("mentions", "Mentions", "Each place name found in an article, with its character offsets and sentence.", "Point",
        [
            P("surface", "string", "The name as written in the article"),
            P("place", "string", "Gazetteer name of the resolved place"),
            P("geonameid", "integer", "GeoNames id (null only for hand-kept regions inside a country and P-coded imported areas)"),
            Id64("place_id", "Gazetteer id of the place (the places collection's feature id)"),
            P("country", "string", "ISO 3166-1 alpha-2 code"),
            P("start", "integer", "Start offset (UTF-16 index) in the article text"),
            P("end", "integer", "End offset (exclusive)"),
            P("sentence_start", "integer", "Start offset of the sentence"),
            P("sentence_end", "integer", "End offset of the sentence"),
            P("confidence", "number", "Probability that recognition and resolution are right"),
            Time("seen_at", "Article time (published, else ingested)"),
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
            Id64("place_id", "Gazetteer id of the place"),
            P("pcode", "string", "Humanitarian P-code of the place"),
            P("country", "string", "ISO 3166-1 alpha-2 code"),
            P("origin", "string", "Where people fled from, when named"),
            P("origin_geonameid", "integer", "GeoNames id of the origin"),
            Date("as_of", "Date the figure applies to (YYYY-MM-DD)"),
            P("as_of_basis", "string", "text, published or unknown"),
            P("article_id", "integer", "Article id"),
            P("article_url", "string", "Article URL"),
            P("article_title", "string", "Article title"),
            P("quote", "string", "The sentence quoted as the source"),
            P("confidence", "number", "Confidence of the extraction"),
            P("qualifier_text", "string", "The qualifier as written (\"An estimated\", \"as many as\")"),
            P("is_vague", "boolean", "True for a magnitude (\"tens of thousands\"): people is its fixed low bound"),
            P("pcode_approximate", "boolean", "True when pcode comes from the approximate governorate polygon the place lies in"),
            P("admin_area", "string", "The P-coded area (governorate) the place lies in, when the place is not one itself"),
            P("source", "string", "Who published the article (its source, else its web site)"),
            Id64("origin_id", "Gazetteer id of the origin"),
            P("unit", "string", "What the text counts: people, households or families"),
            P("stated_count", "integer", "The number as the text states it, in unit"),
            P("household_size", "number", "People per household used to convert households or families (null for people)"),
            P("converted", "boolean", "True when people was computed from households or families: an estimate"),
            P("movement", "string", "displaced, returned or deported"),
            P("source_agency", "string", "The organisation the text attributes the figure to (\"according to UNHCR\")"),
            P("claim_id", "integer", "The claim this figure is a copy of: the smallest id among figures with the same place, direction, origin, movement and count within 7 days"),
            P("claim_figures", "integer", "How many figures (copies) make the claim"),
            P("claim_articles", "integer", "How many articles quote the claim"),
        ]),
        new("displacement-summary", "Displacement summary", "Per place, direction and ISO week: the latest figure, the lowest and highest figures any source gives (never an average), how many sources, and people per km² where the place has an area.", "Point",
        [
            P("place", "string", "Gazetteer name of the place"),
            P("geonameid", "integer", "GeoNames id of the place"),
            Id64("place_id", "Gazetteer id of the place"),
            P("pcode", "string", "Humanitarian P-code of the place or of the governorate it lies in"),
            P("pcode_approximate", "boolean", "True when pcode comes from an approximate governorate polygon"),
            P("country", "string", "ISO 3166-1 alpha-2 code"),
            P("direction", "string", "at: people at the place; from: people who fled it; to: people who came to it from a named origin (a movement, not the number there)"),
            P("period", "string", "ISO week of the figures' as-of dates (YYYY-Www)"),
            Date("period_start", "First day of the week (Monday, YYYY-MM-DD)"),
            Date("period_end", "Last day of the week (Sunday, YYYY-MM-DD)"),
            P("people", "integer", "The latest figure of the week"),
            P("qualifier", "string", "Qualifier of the latest figure"),
            P("number_text", "string", "The latest figure as written"),
            Date("as_of", "As-of date of the latest figure (YYYY-MM-DD; null when the text gives none)"),
            P("as_of_basis", "string", "text, published or unknown (then the period comes from the ingest day)"),
            P("source", "string", "Source of the latest figure"),
            P("article_id", "integer", "Article of the latest figure"),
            P("article_url", "string", "URL of the article of the latest figure"),
            P("low", "integer", "Lowest figure (the smallest lower end any figure states)"),
            P("low_number_text", "string", "The lowest figure as written"),
            P("low_source", "string", "Source of the lowest figure"),
            P("high", "integer", "Highest figure (the largest upper end any figure states)"),
            P("high_number_text", "string", "The highest figure as written"),
            P("high_source", "string", "Source of the highest figure"),
            P("sources", "integer", "Number of distinct sources"),
            P("source_names", "string", "The sources, separated by '; '"),
            P("figures", "integer", "Number of figures summarised"),
            P("claims", "integer", "Number of distinct claims (figures with a distinct count and movement): copies of one figure count once"),
            P("agencies", "string", "Organisations the figures are attributed to, semicolon-separated"),
            P("articles", "integer", "Number of articles"),
            P("area_km2", "number", "Area of the place's boundary in km² (null for towns)"),
            P("area_approximate", "boolean", "True when the boundary, so the area, is approximate (Gaza governorates)"),
            P("density_per_km2", "number", "Latest figure per km² (people at a place with an area only)"),
            P("density_low_per_km2", "number", "Lowest figure per km²"),
            P("density_high_per_km2", "number", "Highest figure per km²"),
            P("figure_ids", "string", "Feature ids in the displacement collection, comma-separated"),
        ]),
        new("events", "Events", "ACLED-style events reported at places.", "Point",
        [
            P("event_type", "string", "battles, explosions_remote_violence, violence_against_civilians, protests, riots, strategic_developments, humanitarian_access"),
            P("sub_type", "string", "Short sub-type label"),
            Date("date", "Event date (YYYY-MM-DD)"),
            P("place", "string", "Gazetteer name of the place"),
            P("geonameid", "integer", "GeoNames id of the place"),
            Id64("place_id", "Gazetteer id of the place"),
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
            P("actor1", "string", "The side that acts (attacks, fires, protests), as ACLED would name it; null when the text names none"),
            P("inter1", "integer", "ACLED inter code of actor1: 1 state forces, 2 rebel group, 3 political militia, 4 identity militia, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces"),
            P("actor2", "string", "The side acted upon (the victims, the other army); null when there is none"),
            P("inter2", "integer", "ACLED inter code of actor2"),
            P("interaction", "integer", "ACLED interaction code: both inter codes, lower first (17: state forces and civilians); one actor alone is its code times 10"),
            P("admin1", "string", "First-level administrative division of the place"),
            P("admin2", "string", "Second-level administrative division of the place"),
            P("source", "string", "Who published the article (its source, else its web site)"),
            Time("seen_at", "Article time (published, else ingested)"),
            Time("ingested_at", "When the article was stored (RFC 3339)"),
            P("claim_id", "integer", "The event this report is one of: the smallest id among events of the same type at the same place on the same day whose actors agree where both name them"),
            P("claim_articles", "integer", "How many articles report the event"),
            P("claim_sources", "string", "The distinct publishers reporting the event, separated by '; '"),
        ]),
        new("flows", "Flows", "Displacement from an origin to a destination, as lines.", "LineString",
        [
            P("people", "integer", "Number of people"),
            P("origin", "string", "Where people fled from"),
            P("origin_geonameid", "integer", "GeoNames id of the origin"),
            P("destination", "string", "Where people are"),
            P("destination_geonameid", "integer", "GeoNames id of the destination"),
            Date("as_of", "Date the figure applies to"),
            P("displacement_id", "integer", "Feature id in the displacement collection"),
            P("article_id", "integer", "Article id"),
            Id64("origin_id", "Gazetteer id of the origin"),
            Id64("destination_id", "Gazetteer id of the destination"),
            P("qualifier", "string", "Qualifier of the figure"),
            P("number_text", "string", "The number phrase as written"),
            P("source", "string", "Who published the article (its source, else its web site)"),
            P("article_url", "string", "Article URL"),
            P("article_title", "string", "Article title"),
            P("quote", "string", "The sentence quoted as the source"),
            P("confidence", "number", "Confidence of the extraction"),
        ]),
        new("articles", "Articles", "Stored news articles (no geometry).", null,
        [
            P("title", "string", "Title"),
            P("url", "string", "URL"),
            P("source", "string", "Source"),
            Time("published", "Published time (RFC 3339)"),
            Time("ingested_at", "Ingest time (RFC 3339)"),
            P("content_hash", "string", "SHA-256 of the normalised text"),
            P("mentions", "integer", "Number of place mentions"),
            P("displacement", "integer", "Number of displacement figures"),
            P("events", "integer", "Number of events"),
        ]),
    ];

    public static FeatureCollectionInfo? Find(string id) => All.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.Ordinal));
}
