using System.Runtime.CompilerServices;
using GeoSituation.Postgis.Features;

namespace GeoSituation.Postgis.Export;

/// <summary>Every feature matching a query, read page by page with the same keyset queries the items endpoint uses.</summary>
/// <remarks>Pages keep memory constant whatever the size of the collection, and stay consistent under a concurrent ingest
/// (new features get larger ids and show up at the end, none is read twice).</remarks>
public static class FeatureExport
{
    private const int PageSize = 10_000;

    /// <summary>All features matching <paramref name="query"/>'s filters (its limit and cursors are ignored), in id order.</summary>
    public static async IAsyncEnumerable<FeatureRow> ReadAllAsync(FeatureStore store, FeatureQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        long? after = null;
        while (true)
        {
            var page = query with { Limit = PageSize, After = after, Before = null };
            var read = 0;
            await foreach (var row in store.ReadAsync(page, cancellationToken))
            {
                // The store returns one row past the page to say a next page exists; that row starts the next page.
                if (read == PageSize) break;
                read++;
                after = row.Fid;
                yield return row;
            }
            if (read < PageSize) yield break;
        }
    }
}
