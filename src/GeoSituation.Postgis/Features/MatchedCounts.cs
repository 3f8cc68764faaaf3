using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace GeoSituation.Postgis.Features;

/// <summary>A count of matching features and the PostgreSQL snapshot (xmin:xmax:running) it was counted in.</summary>
internal readonly record struct SnapshotCount(long Count, string Snapshot);

/// <summary>
/// numberMatched for every page without counting the collection for every page: counting 1,000,000 mentions cost
/// more than producing a page of 10,000 features. A count is kept per collection and filters (never the cursor)
/// and reused while PostgreSQL's snapshot is the one it was counted in.
/// </summary>
/// <remarks>
/// Why the snapshot and not an invalidation signal: two equal snapshots (same xmin, xmax and running transactions)
/// see exactly the same committed rows, and any writing transaction, by any process or tool (an ingest here, the
/// `ingest` verb, a bulk load, psql), takes a transaction id and so changes xmax. The check is one tiny query that
/// runs beside the page; after any write the count is taken again, so an article stored by POST /articles is
/// counted by the very next request. Read-only traffic takes no transaction id and keeps the snapshot.
/// </remarks>
public sealed class MatchedCounts(FeatureStore store)
{
    // Filters come from clients: bound the number of kept counts (each is a short string and a number).
    private const int MaxKept = 1024;
    private readonly ConcurrentDictionary<string, SnapshotCount> kept = new(StringComparer.Ordinal);

    public async Task<long> GetAsync(FeatureQuery query, CancellationToken cancellationToken = default)
    {
        var key = Key(query);
        if (kept.TryGetValue(key, out var known) && known.Snapshot == await store.SnapshotAsync(cancellationToken)) return known.Count;
        var counted = await store.CountWithSnapshotAsync(query, cancellationToken);
        if (kept.Count >= MaxKept) kept.Clear();
        // Concurrent requests may overwrite each other's entry: each entry is a count with its own snapshot, so any is right.
        kept[key] = counted;
        return counted.Count;
    }

    /// <summary>The collection and the filters, length-prefixed so that no two different filter sets share a key.</summary>
    private static string Key(FeatureQuery query)
    {
        var key = new StringBuilder(query.Collection.Id);
        if (query.Bbox is { } b) key.Append(CultureInfo.InvariantCulture, $"|bbox:{b.MinLon:R},{b.MinLat:R},{b.MaxLon:R},{b.MaxLat:R}");
        if (query.Start is { } start) key.Append(CultureInfo.InvariantCulture, $"|start:{start.UtcTicks}");
        if (query.End is { } end) key.Append(CultureInfo.InvariantCulture, $"|end:{end.UtcTicks}");
        foreach (var (name, value) in query.PropertyEquals ?? [])
        {
            key.Append(CultureInfo.InvariantCulture, $"|{name.Length}:{name}={value.Length}:{value}");
        }
        return key.ToString();
    }
}
