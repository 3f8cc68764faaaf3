namespace GeoSituation.Postgis.Articles;

/// <summary>The outcome of storing an article: its id, and whether this call stored it or found it already there.</summary>
public sealed record IngestResult(long ArticleId, bool Created);

/// <summary>A longitude/latitude pair (WGS 84).</summary>
public readonly record struct LonLat(double Lon, double Lat);

/// <summary>Where a newly stored article put features: points at its places, lines for its flows (origin -> destination).</summary>
public sealed record StoredArticleFootprint(long ArticleId, IReadOnlyList<LonLat> Points, IReadOnlyList<(LonLat From, LonLat To)> Lines);

/// <summary>An article as listed: its metadata and how much was found in it.</summary>
public sealed record ArticleSummary(
    long Id,
    string Title,
    string? Url,
    string? Source,
    DateTimeOffset? Published,
    DateTimeOffset IngestedAt,
    string ContentHash,
    int Mentions,
    int Displacement,
    int Events);

/// <summary>One page of articles, newest first, with the total count.</summary>
public sealed record ArticlePage(long Total, IReadOnlyList<ArticleSummary> Articles);

/// <summary>A stored mention: where in the text, and the place it resolved to.</summary>
public sealed record StoredMention(
    long Id, long PlaceId, string Place, string Country, double Latitude, double Longitude,
    string Surface, int Start, int End, int? SentenceStart, int? SentenceEnd, double Confidence);

/// <summary>A stored displacement figure.</summary>
public sealed record StoredDisplacement(
    long Id, long People, long? Low, long? High, string? Qualifier, string NumberText, string Direction,
    long? PlaceId, string? Place, string? PCode, double? Latitude, double? Longitude, long? OriginId, string? Origin,
    DateOnly? AsOf, string AsOfBasis, int Start, int End, string Quote, double Confidence);

/// <summary>A stored event; the actors' inter codes and their interaction are ACLED's (see <see cref="Core.Events.AcledCodes"/>).</summary>
public sealed record StoredEvent(
    long Id, string EventType, string? SubType, DateOnly? Date, long PlaceId, string Place, double Latitude, double Longitude,
    int GeoPrecision, int TimePrecision, int? Fatalities, string Quote, double Confidence,
    string? Actor1, int? Inter1, string? Actor2, int? Inter2, int? Interaction);

/// <summary>An article with its text and everything stored for it.</summary>
public sealed record ArticleDetail(
    ArticleSummary Article,
    string Text,
    IReadOnlyList<StoredMention> Mentions,
    IReadOnlyList<StoredDisplacement> Displacement,
    IReadOnlyList<StoredEvent> Events);
