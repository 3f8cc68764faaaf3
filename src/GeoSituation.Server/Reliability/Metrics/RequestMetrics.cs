using System.Collections.Concurrent;

namespace GeoSituation.Server.Reliability.Metrics;

/// <summary>
/// Requests counted by method, route template and status, with a latency histogram per route; articles
/// ingested counted by outcome. Route templates (not raw paths) keep the number of series bounded whatever clients send.
/// </summary>
internal sealed class RequestMetrics
{
    /// <summary>Upper bounds of the latency buckets, in seconds (Prometheus' le).</summary>
    public static readonly double[] Buckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly ConcurrentDictionary<(string Method, string Route, int Status), long> requests = new();
    private readonly ConcurrentDictionary<(string Method, string Route), Histogram> latencies = new();
    private readonly ConcurrentDictionary<string, long> ingests = new();
    private readonly ConcurrentDictionary<(string Route, string Result), long> tileCache = new();
    private long inFlight;

    public IEnumerable<KeyValuePair<(string Method, string Route, int Status), long>> Requests => requests;
    public IEnumerable<KeyValuePair<(string Method, string Route), Histogram>> Latencies => latencies;
    public IEnumerable<KeyValuePair<string, long>> Ingests => ingests;
    public IEnumerable<KeyValuePair<(string Route, string Result), long>> TileCache => tileCache;
    public long InFlight => Interlocked.Read(ref inFlight);

    public void Started() => Interlocked.Increment(ref inFlight);

    /// <summary>A tile answered from the cache ("hit") or made by PostGIS ("miss"), as the tile endpoints say in X-Tile-Cache.</summary>
    public void TileServed(string route, string result) => tileCache.AddOrUpdate((route, result), 1, (_, n) => n + 1);

    /// <summary>A GET answered from the tile cache before the metrics middleware: one request and one cache hit.</summary>
    public void CachedTileServed(string route, int status, double seconds)
    {
        Count("GET", route, status, seconds);
        if (status is 200 or 304) TileServed(route, "hit");
    }

    public void Finished(string method, string route, int status, double seconds)
    {
        Interlocked.Decrement(ref inFlight);
        Count(method, route, status, seconds);
    }

    private void Count(string method, string route, int status, double seconds)
    {
        requests.AddOrUpdate((method, route, status), 1, (_, n) => n + 1);
        latencies.GetOrAdd((method, route), _ => new Histogram()).Observe(seconds);
        if (method == "POST" && route == "/articles") ingests.AddOrUpdate(IngestOutcome(status), 1, (_, n) => n + 1);
    }

    private static string IngestOutcome(int status) => status switch
    {
        201 => "created",
        200 => "duplicate",
        401 or 403 => "unauthorized",
        429 => "rate_limited",
        >= 500 => "failed",
        _ => "rejected",
    };

    /// <summary>
    /// A histogram that counts each observation in its one bucket and sums the buckets when scraped: three
    /// interlocked operations a request instead of one per bucket (this runs for every cached tile too).
    /// Counts are updated lock-free, so a scrape may see one observation half-recorded.
    /// </summary>
    internal sealed class Histogram
    {
        // One more than the bounds: observations above the last bound only count in +Inf (Count).
        private readonly long[] counts = new long[Buckets.Length + 1];
        private long count;
        private long sumMicroseconds;

        public long Count => Interlocked.Read(ref count);
        public double Sum => Interlocked.Read(ref sumMicroseconds) / 1e6;

        public long CumulativeCount(int bucket)
        {
            long total = 0;
            for (var i = 0; i <= bucket; i++) total += Interlocked.Read(ref counts[i]);
            return total;
        }

        public void Observe(double seconds)
        {
            var bucket = 0;
            while (bucket < Buckets.Length && seconds > Buckets[bucket]) bucket++;
            Interlocked.Increment(ref counts[bucket]);
            Interlocked.Increment(ref count);
            Interlocked.Add(ref sumMicroseconds, (long)(seconds * 1e6));
        }
    }
}
