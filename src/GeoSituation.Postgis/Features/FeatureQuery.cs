namespace GeoSituation.Postgis.Features;

/// <summary>A bounding box in CRS84 (longitude/latitude), validated by the caller.</summary>
public readonly record struct BoundingBox(double MinLon, double MinLat, double MaxLon, double MaxLat);

/// <summary>A validated request for a page of features.</summary>
/// <param name="Start">Features whose time ends before this are left out (open when null).</param>
/// <param name="End">Features whose time starts after this are left out (open when null).</param>
/// <param name="After">Keyset cursor: only features with a larger fid (next page).</param>
/// <param name="Before">Keyset cursor: only features with a smaller fid (previous page).</param>
/// <param name="PropertyEquals">Property equality filters; names must be in the collection's catalogue.</param>
/// <param name="OnePerClaim">Only the first report of each claim (fid = claim_id): one feature per event however many
/// articles report it. For collections with a claim_id property (events, displacement).</param>
public sealed record FeatureQuery(
    FeatureCollectionInfo Collection,
    int Limit,
    BoundingBox? Bbox = null,
    DateTimeOffset? Start = null,
    DateTimeOffset? End = null,
    long? After = null,
    long? Before = null,
    IReadOnlyList<KeyValuePair<string, string>>? PropertyEquals = null,
    bool OnePerClaim = false);
