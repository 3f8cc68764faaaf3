namespace GeoSituation.Server.Tiles.Raster;

/// <summary>
/// PNG tiles drawn by this process: in all, and the most drawn at the same moment, which the render cap
/// (GEOSITUATION_RENDER_CONCURRENCY, <see cref="Reliability.ClientLimits"/>) bounds. Both are in /metrics.
/// </summary>
internal sealed class RenderCounter
{
    private long total;
    private int running;
    private int peak;

    public long Total => Interlocked.Read(ref total);

    public int Peak => Volatile.Read(ref peak);

    /// <summary>Runs <paramref name="render"/>, counted while it runs.</summary>
    public async Task<byte[]> CountAsync(Func<Task<byte[]>> render)
    {
        Interlocked.Increment(ref total);
        var now = Interlocked.Increment(ref running);
        for (var seen = Volatile.Read(ref peak); now > seen; seen = Volatile.Read(ref peak))
        {
            if (Interlocked.CompareExchange(ref peak, now, seen) == seen) break;
        }
        try { return await render(); }
        finally { Interlocked.Decrement(ref running); }
    }
}
