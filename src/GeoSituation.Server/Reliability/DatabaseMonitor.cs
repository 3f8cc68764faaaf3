using System.Globalization;
using GeoSituation.Postgis.Embedded;
using GeoSituation.Server.Database;
using GeoSituation.Server.Hosting;
using Npgsql;

namespace GeoSituation.Server.Reliability;

/// <summary>
/// Watches the database once a second and repairs what it can, so the server recovers without a restart:
/// when the database stops answering, the pool's idle connections are dropped (they are dead, and each would
/// fail one request after the database is back); when it answers again they are dropped once more; and when
/// the embedded cluster's postmaster is gone (crash, kill -9, OOM killer) it is started again after
/// GEOSITUATION_DB_RESTART_DELAY_SECONDS (default 5, "off" to never restart it; the wait leaves an operator
/// who stopped it on purpose time to start it their own way).
/// </summary>
/// <remarks>
/// Requests are not blocked while the database is down: each fails on its own with 503 + Retry-After, and
/// cached tiles keep being served. An external database (GEOSITUATION_DB) is only reconnected, never started.
/// </remarks>
internal sealed class DatabaseMonitor(
    NpgsqlDataSource dataSource,
    DatabaseHost host,
    DatabaseReadiness readiness,
    ServerSettings settings,
    IConfiguration configuration,
    ILogger<DatabaseMonitor> logger) : BackgroundService
{
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan DownProbeInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    private DateTime? downSince;
    private long restarts;
    private long outages;

    /// <summary>1 while the last probe succeeded (for /metrics).</summary>
    public bool IsUp => downSince is null && readiness.IsReady;

    public long Restarts => Interlocked.Read(ref restarts);

    public long Outages => Interlocked.Read(ref outages);

    private TimeSpan? RestartDelay
    {
        get
        {
            var value = configuration["GEOSITUATION_DB_RESTART_DELAY_SECONDS"];
            if (string.Equals(value, "off", StringComparison.OrdinalIgnoreCase)) return null;
            return TimeSpan.FromSeconds(double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s >= 0 ? s : 5);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var restartDelay = RestartDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(downSince is null ? ProbeInterval : DownProbeInterval, stoppingToken);
                if (!readiness.IsReady) continue; // DatabaseStartup is still bringing it up.
                if (await ProbeAsync(stoppingToken)) OnUp();
                else await OnDownAsync(restartDelay, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The watchdog must never die: one line, no stack trace, try again next round.
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

    private async Task OnDownAsync(TimeSpan? restartDelay, CancellationToken stoppingToken)
    {
        if (downSince is null)
        {
            downSince = DateTime.UtcNow;
            Interlocked.Increment(ref outages);
            logger.LogWarning("Database is not answering; requests get 503 until it is back");
        }
        dataSource.Clear();
        if (!host.IsEmbedded || restartDelay is not { } delay || DateTime.UtcNow - downSince < delay) return;
        if (PostmasterIsAlive()) return; // Starting up or recovering by itself: leave it be.

        logger.LogWarning("Embedded PostgreSQL is not running; starting it again");
        // The launcher's own pooled connections (to the postgres database) died with the cluster.
        NpgsqlConnection.ClearAllPools();
        // Starting adopts a cluster that is running again, removes a stale postmaster.pid and replays the WAL:
        // every committed transaction is back. The instance is not kept: DatabaseHost stops the cluster (by folder) at shutdown.
        await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataFolder = settings.DataFolder }, logger, stoppingToken);
        Interlocked.Increment(ref restarts);
    }

    /// <summary>True when postmaster.pid names a live postgres process.</summary>
    private bool PostmasterIsAlive()
    {
        var pidFile = Path.Combine(settings.DataFolder, "pg", "postmaster.pid");
        try
        {
            var firstLine = File.ReadLines(pidFile).FirstOrDefault();
            if (!int.TryParse(firstLine, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid)) return false;
            var comm = $"/proc/{pid}/comm";
            return File.Exists(comm) && File.ReadAllText(comm).Trim().StartsWith("postgres", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
