using System.Collections.Concurrent;
using GeoSituation.Postgis.Features;

namespace GeoSituation.Server.Features;

/// <summary>Collection extents, recomputed at most every few seconds: a full scan per /collections call would not scale.</summary>
internal sealed class ExtentCache(FeatureStore store)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, (DateTime At, CollectionExtent Extent)> cache = new(StringComparer.Ordinal);

    public async Task<CollectionExtent> GetAsync(FeatureCollectionInfo collection, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(collection.Id, out var cached) && DateTime.UtcNow - cached.At < MaxAge) return cached.Extent;
        var extent = await store.ExtentAsync(collection, cancellationToken);
        cache[collection.Id] = (DateTime.UtcNow, extent);
        return extent;
    }
}
