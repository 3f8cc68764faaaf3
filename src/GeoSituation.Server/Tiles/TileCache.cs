using System.Collections.Concurrent;
using System.Security.Cryptography;
using GeoSituation.Postgis.Articles;
using GeoSituation.Postgis.Tiles;

namespace GeoSituation.Server.Tiles;

/// <summary>
/// Tiles already made, bounded by bytes, never stale: when an article commits, every cached data tile that
/// could show one of its features (the tile of each place at every zoom, with its neighbours for the
/// 64-pixel buffer, and the tiles along each flow) is dropped before the ingest request returns.
/// </summary>
/// <remarks>
/// A tile computed while an article was committing might miss it; a generation counter bumped on every
/// invalidation keeps such a tile out of the cache (it is still served once, as it was correct when read).
/// The basemap never changes while the server runs and is only evicted for space.
/// The byte budget counts what an entry costs the process, not only its tile: the variant key (two bytes a
/// character) and <see cref="EntryOverhead"/> for the objects around it, so empty tiles and long keys are
/// bounded too (an empty tile used to count 0 bytes, and 40,000 of them took 700 MB). A coordinate's map of
/// variants is dropped with its last variant.
/// </remarks>
internal sealed class TileCache
{
    private readonly long maxBytes;
    private readonly ConcurrentDictionary<TileKey, ConcurrentDictionary<string, CachedTile>> tiles = new();
    private long bytes;
    private long generation;
    private long clock;
    private readonly Lock evictionLock = new();

    public TileCache(long maxBytes) => this.maxBytes = maxBytes;

    /// <summary>
    /// What one entry costs besides its tile and key, measured: the tile object, its ETag string, a dictionary
    /// node, and a share of its coordinate's key and map of variants (about 400 bytes when a coordinate has one variant).
    /// </summary>
    internal const int EntryOverhead = 640;

    /// <summary>The bytes an entry for <paramref name="variant"/> costs besides its tile.</summary>
    internal static long KeyCost(string variant) => EntryOverhead + 2L * variant.Length;

    internal readonly record struct TileKey(string Source, int Z, int X, int Y);

    public sealed record CachedTile(byte[] Bytes, string ETag)
    {
        public long LastUse;

        /// <summary>The bytes the cache entry costs besides the tile and its compressed copies (<see cref="KeyCost"/>); 0 until cached.</summary>
        internal long Overhead { get; init; }

        /// <summary>How often the tile was served from the cache (0: just made).</summary>
        public long Hits;

        private Representation? brotli;
        private Representation? gzip;

        /// <summary>The cache holding the tile, whose byte budget its compressed copies count against; null once dropped.</summary>
        internal TileCache? Owner;

        private sealed record Representation(byte[] Bytes, string ETag);

        /// <summary>The tile, its compressed copies and the entry's overhead, in bytes.</summary>
        public long Size => Overhead + Bytes.Length + (brotli?.Bytes.Length ?? 0) + (gzip?.Bytes.Length ?? 0);

        /// <summary>The tile compressed with "br" or "gzip" (made on first use, then kept) and that representation's ETag.</summary>
        public (byte[] Bytes, string ETag) Encoded(string encoding)
        {
            ref var slot = ref encoding == "br" ? ref brotli : ref gzip;
            var kept = Volatile.Read(ref slot);
            if (kept is null)
            {
                var made = new Representation(TileResponse.Compress(Bytes, encoding), ETag[..^1] + "-" + encoding + "\"");
                // The owner is read before the copy is published: a copy made just as the tile is dropped may be
                // counted after the drop, so the count errs high (evicting early), never low.
                var owner = Volatile.Read(ref Owner);
                kept = Interlocked.CompareExchange(ref slot, made, null) ?? made;
                if (ReferenceEquals(kept, made)) owner?.Grew(made.Bytes.Length);
            }
            return (kept.Bytes, kept.ETag);
        }
    }

    private void Grew(long added)
    {
        if (Interlocked.Add(ref bytes, added) > maxBytes) Evict();
    }

    public long Bytes => Interlocked.Read(ref bytes);

    public int Count => tiles.Values.Sum(v => v.Count);

    public static string ETagOf(byte[] tile) => "\"" + Convert.ToHexStringLower(SHA256.HashData(tile).AsSpan(0, 12)) + "\"";

    /// <summary>The cached tile, counted as used; false when it is not cached.</summary>
    public bool TryGetCached(TileSourceInfo source, int z, int x, int y, string variant, out CachedTile tile)
    {
        if (tiles.TryGetValue(new TileKey(source.Id, z, x, y), out var variants) && variants.TryGetValue(variant, out tile!))
        {
            tile.LastUse = Interlocked.Increment(ref clock);
            Interlocked.Increment(ref tile.Hits);
            return true;
        }
        tile = null!;
        return false;
    }

    /// <summary>The cached tile, or the one <paramref name="make"/> returns (cached unless an ingest committed meanwhile).</summary>
    /// <param name="variant">The canonical query parts that change the tile (<see cref="TileQuery"/>), "" for none.</param>
    public async Task<CachedTile> GetOrMakeAsync(TileSourceInfo source, int z, int x, int y, string variant, Func<Task<byte[]>> make)
    {
        if (TryGetCached(source, z, x, y, variant, out var hit)) return hit;
        var key = new TileKey(source.Id, z, x, y);
        var before = Interlocked.Read(ref generation);
        var made = await make();
        var tile = new CachedTile(made, ETagOf(made)) { LastUse = Interlocked.Increment(ref clock), Overhead = KeyCost(variant) };
        if (Interlocked.Read(ref generation) == before)
        {
            // Under the eviction lock: eviction drops a coordinate's map once it is empty, and a tile added to a
            // map just dropped would be counted and never found.
            lock (evictionLock)
            {
                var added = tiles.GetOrAdd(key, _ => new ConcurrentDictionary<string, CachedTile>(1, 1, StringComparer.Ordinal));
                if (added.TryAdd(variant, tile))
                {
                    Volatile.Write(ref tile.Owner, this);
                    Interlocked.Add(ref bytes, tile.Size);
                }
            }
            // An invalidation may have removed the variants map between GetOrAdd and TryAdd: check again.
            if (Interlocked.Read(ref generation) != before) Drop(key);
            if (Interlocked.Read(ref bytes) > maxBytes) Evict();
        }
        return tile;
    }

    private readonly ConcurrentDictionary<long, byte> invalidatedHere = new();

    /// <summary>Drops every data tile an article stored by this process can appear in (called right after its commit).</summary>
    public void InvalidateStoredHere(StoredArticleFootprint footprint)
    {
        // The commit's notification will come back to this process too: remember it was already handled.
        if (invalidatedHere.Count > 10_000) invalidatedHere.Clear();
        invalidatedHere.TryAdd(footprint.ArticleId, 0);
        Invalidate(footprint);
    }

    /// <summary>True (once) when the article's tiles were already dropped by <see cref="InvalidateStoredHere"/>.</summary>
    public bool WasInvalidatedHere(long articleId) => invalidatedHere.TryRemove(articleId, out _);

    /// <summary>Drops every cached tile: after missing notifications, nothing cached can be trusted.</summary>
    public void Clear()
    {
        Interlocked.Increment(ref generation);
        foreach (var key in tiles.Keys) Drop(key);
        Interlocked.Increment(ref generation);
    }

    /// <summary>Drops every data tile the stored article can appear in.</summary>
    public void Invalidate(StoredArticleFootprint footprint)
    {
        Interlocked.Increment(ref generation);
        var dataSources = TileCatalogue.All.Where(s => s.TimeFiltered).Select(s => s.Id).ToArray();
        for (var z = 0; z <= TileCatalogue.MaxZoom; z++)
        {
            foreach (var point in footprint.Points)
            {
                var (x, y) = TileOf(point.Lon, point.Lat, z);
                DropRange(dataSources, z, x - 1, y - 1, x + 1, y + 1);
            }
            foreach (var (from, to) in footprint.Lines)
            {
                var (x0, y0) = TileOf(Math.Min(from.Lon, to.Lon), Math.Max(from.Lat, to.Lat), z);
                var (x1, y1) = TileOf(Math.Max(from.Lon, to.Lon), Math.Min(from.Lat, to.Lat), z);
                DropRange(dataSources, z, x0 - 1, y0 - 1, x1 + 1, y1 + 1);
            }
        }
        Interlocked.Increment(ref generation);
    }

    private void DropRange(string[] sources, int z, long minX, long minY, long maxX, long maxY)
    {
        var size = 1L << z;
        minX = Math.Max(0, minX);
        minY = Math.Max(0, minY);
        maxX = Math.Min(size - 1, maxX);
        maxY = Math.Min(size - 1, maxY);
        if ((maxX - minX + 1) * (maxY - minY + 1) > 1024)
        {
            // A long flow at a high zoom spans many tiles: look at the cached ones instead of every tile in range.
            foreach (var key in tiles.Keys)
            {
                if (key.Z == z && key.X >= minX && key.X <= maxX && key.Y >= minY && key.Y <= maxY && sources.Contains(key.Source)) Drop(key);
            }
            return;
        }
        for (var x = minX; x <= maxX; x++)
        {
            for (var y = minY; y <= maxY; y++)
            {
                foreach (var source in sources) Drop(new TileKey(source, z, (int)x, (int)y));
            }
        }
    }

    private void Drop(TileKey key)
    {
        if (!tiles.TryRemove(key, out var variants)) return;
        foreach (var tile in variants.Values) Forget(tile);
    }

    private void Forget(CachedTile tile)
    {
        Volatile.Write(ref tile.Owner, null);
        Interlocked.Add(ref bytes, -tile.Size);
    }

    /// <summary>Drops the least recently used tiles until the cache is at 80 % of its budget.</summary>
    private void Evict()
    {
        lock (evictionLock)
        {
            if (Interlocked.Read(ref bytes) <= maxBytes) return;
            var byAge = tiles.SelectMany(t => t.Value.Select(v => (t.Key, v.Key, v.Value.LastUse))).OrderBy(t => t.LastUse).ToList();
            foreach (var (key, variant, _) in byAge)
            {
                if (Interlocked.Read(ref bytes) <= maxBytes * 8 / 10) break;
                if (!tiles.TryGetValue(key, out var variants)) continue;
                if (variants.TryRemove(variant, out var removed)) Forget(removed);
                if (variants.IsEmpty) tiles.TryRemove(new KeyValuePair<TileKey, ConcurrentDictionary<string, CachedTile>>(key, variants));
            }
        }
    }

    /// <summary>The XYZ tile holding a point (Web Mercator, latitudes clamped to its range).</summary>
    internal static (long X, long Y) TileOf(double longitude, double latitude, int z)
    {
        var n = 1L << z;
        var lat = Math.Clamp(latitude, -85.0511, 85.0511) * Math.PI / 180;
        var x = (long)Math.Floor((longitude + 180) / 360 * n);
        var y = (long)Math.Floor((1 - Math.Log(Math.Tan(lat) + 1 / Math.Cos(lat)) / Math.PI) / 2 * n);
        return (Math.Clamp(x, 0, n - 1), Math.Clamp(y, 0, n - 1));
    }
}
