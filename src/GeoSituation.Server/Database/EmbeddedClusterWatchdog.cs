using GeoSituation.Postgis.Embedded;

namespace GeoSituation.Server.Database;

/// <summary>
/// Brings the embedded cluster back if it dies while the server runs (kill -9, out of memory): checked every
/// second, so reads and writes answer 503 only for the few seconds PostgreSQL needs to replay its log.
/// </summary>
internal sealed class EmbeddedClusterWatchdog(DatabaseHost host, ILogger<EmbeddedClusterWatchdog> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!host.IsEmbedded) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    if (await host.RestartIfStoppedAsync(stoppingToken)) logger.LogInformation("Embedded PostgreSQL restarted");
                }
                catch (EmbeddedPostgresException e)
                {
                    logger.LogError("Embedded PostgreSQL could not be restarted: {Reason}", e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: DatabaseStartup stops the cluster.
        }
    }
}
