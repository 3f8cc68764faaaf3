using Npgsql;
using GeoSituation.Server.Database;

namespace GeoSituation.Server.Reliability;

/// <summary>
/// Probes the database once a second (four times a second while it is down) so that the server recovers
/// without a restart: when the database stops answering, the pool's idle connections are dropped (they are
/// dead, and each would fail one request after the database is back), and once more when it answers again.
/// Its state and outages feed /metrics.
/// </summary>
/// <remarks>
/// Requests are not blocked while the database is down: each fails on its own with 503 + Retry-After, and
/// cached tiles keep being served. Starting a dead embedded cluster again is Database/EmbeddedClusterWatchdog's job.
/// </remarks>
internal sealed class DatabaseMonitor(NpgsqlDataSource dataSource, DatabaseReadiness readiness, ILogger<DatabaseMonitor> logger) : BackgroundService
{
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan DownProbeInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    private DateTime? downSince;
    private long outages;

    /// <summary>True while the last probe succeeded (for /metrics).</summary>
    public bool IsUp => downSince is null && readiness.IsReady;

    public long Outages => Interlocked.Read(ref outages);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(downSince is null ? ProbeInterval : DownProbeInterval, stoppingToken);
                if (!readiness.IsReady) continue; // DatabaseStartup is still bringing it up.
                if (await ProbeAsync(stoppingToken)) OnUp();
                else OnDown();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The monitor must never die: one line, no stack trace, try again next round.
                logger.LogWarning("Database monitor: {Type}: {Reason}", e.GetType().Name, e.Message);
            }
        }
    }

    private async Task<bool> ProbeAsync(CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(timeout.Token);
            return true;
        }
        catch (Exception e) when ((e is NpgsqlException or TimeoutException || e is OperationCanceledException) && !stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private void OnUp()
    {
        if (downSince is not { } since) return;
        // Connections opened while the database restarted may be half-dead: start from a clean pool.
        dataSource.Clear();
        downSince = null;
        logger.LogWarning("Database is back after {Seconds:0.0} s", (DateTime.UtcNow - since).TotalSeconds);
    }

    private void OnDown()
    {
        if (downSince is null)
        {
            downSince = DateTime.UtcNow;
            Interlocked.Increment(ref outages);
            logger.LogWarning("Database is not answering; requests get 503 until it is back");
        }
        dataSource.Clear();
    }
}
