using System.Collections.Frozen;
using System.Globalization;

namespace GeoSituation.Server.Tiles;

/// <summary>
/// The query parameters each tile route reads, declared in one place, and the canonical cache key made of them:
/// spellings of the same request (a datetime written with another offset or precision, filters in another order,
/// parameters the route does not read) share one cache entry instead of minting new ones.
/// </summary>
/// <remarks>
/// A parameter the tile routes start reading (an API key in the query, <c>hxl</c>, <c>schema</c>) is added to
/// <see cref="Parameters"/>; the vector tile routes refuse anything else that is not a property filter of the layer
/// (400), the PNG route ignores it and leaves it out of the key.
/// </remarks>
internal static class TileQuery
{
    /// <summary>Parameters of vector tiles, TileJSON and PNG tiles besides the vector layers' property filters.</summary>
    public static readonly FrozenSet<string> Parameters = FrozenSet.ToFrozenSet(["datetime"], StringComparer.Ordinal);

    /// <summary>
    /// The parsed datetime as one string: both ends in UTC, round-trip form, ".." when open; "" when nothing is
    /// filtered (no datetime, or "../.."), the key of the plain tile that <see cref="CachedTileShortcut"/> serves.
    /// </summary>
    public static string CanonicalDatetime(DateTimeOffset? start, DateTimeOffset? end) =>
        start is null && end is null ? "" : Instant(start) + "/" + Instant(end);

    private static string Instant(DateTimeOffset? value) =>
        value is { } v ? v.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) : "..";
}
