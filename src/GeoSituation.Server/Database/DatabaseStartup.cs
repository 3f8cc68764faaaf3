using GeoSituation.Core.Articles;
using GeoSituation.Core.Gazetteer;
using GeoSituation.Postgis.Basemap;
using GeoSituation.Postgis.Ingest;
using GeoSituation.Postgis.Migrations;
using GeoSituation.Server.Hosting;
using Npgsql;

namespace GeoSituation.Server.Database;

/// <summary>
/// Brings the database up before the server listens: starts the embedded cluster, migrates, loads the basemap (or
/// syncs its area outlines with the gazetteer's, for imports made since),
/// ingests seeds/ on first start. An external database that is down at start is retried in the background
/// (the server answers 503 meanwhile); on shutdown the embedded cluster stops cleanly.
/// </summary>
internal sealed class DatabaseStartup(
    DatabaseHost host,
    NpgsqlDataSource dataSource,
    Gazetteer gazetteer,
    ArticleIngestor ingestor,
    ServerSettings settings,
    DatabaseReadiness readiness,
    ILogger<DatabaseStartup> logger) : IHostedService
{
    private static readonly TimeSpan StartupWait = TimeSpan.FromSeconds(90);
    private readonly CancellationTokenSource stopping = new();
    private Task? initialization;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The embedded cluster is ours to run: if it cannot start, the server cannot work, so fail loudly.
        await host.StartAsync(cancellationToken);
        initialization = Task.Run(() => InitializeWithRetriesAsync(stopping.Token), CancellationToken.None);
        var finished = await Task.WhenAny(initialization, Task.Delay(StartupWait, cancellationToken));
        if (finished == initialization) await initialization;
        else logger.LogWarning("The database is not ready yet; serving 503 until it is");
    }

    private async Task InitializeWithRetriesAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Migrator.MigrateAsync(dataSource, logger, cancellationToken);
                // A first start loads everything; later starts bring in outlines the gazetteer gained since (imports).
                if (await BasemapLoader.LoadIfEmptyAsync(dataSource, gazetteer.Entries, logger, cancellationToken) == 0)
                    await BasemapLoader.SyncAreasAsync(dataSource, gazetteer.Entries, logger, cancellationToken);
                readiness.MarkReady();
                break;
            }
            // Connection failures are retried (the database may be starting); SQL errors are bugs and stop startup.
            catch (NpgsqlException e) when (e is not PostgresException && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Database not reachable yet (attempt {Attempt}: {Reason}); retrying in 2 s", attempt, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
        }
        await IngestSeedsAsync(cancellationToken);
    }

    /// <summary>On first start (no articles yet) every file in seeds/ is ingested; duplicates are no-ops anyway.</summary>
    private async Task IngestSeedsAsync(CancellationToken cancellationToken)
    {
        if (settings.SeedsFolder is not { } folder || !Directory.Exists(folder)) return;
        await using (var count = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM articles)"))
        {
            if (await count.ExecuteScalarAsync(cancellationToken) is true) return;
        }
        var stored = 0;
        foreach (var file in ArticleFiles.Expand([folder]))
        {
            try
            {
                foreach (var article in ArticleFiles.Read(file))
                {
                    var (result, _) = await ingestor.IngestAsync(article, cancellationToken);
                    if (result.Created) stored++;
                }
            }
            catch (Exception e) when (e is InvalidDataException or IOException or NotImplementedException)
            {
                logger.LogWarning("Seed file {File} not ingested: {Reason}", Path.GetFileName(file), e.Message);
            }
        }
        logger.LogInformation("Ingested {Count} seed article(s) from {Folder}", stored, folder);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        if (initialization is not null)
        {
            try { await initialization; }
            catch (OperationCanceledException) { }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException) { logger.LogWarning("Database initialisation stopped: {Reason}", e.Message); }
        }
        NpgsqlConnection.ClearAllPools();
        await host.StopAsync(cancellationToken);
        stopping.Dispose();
    }
}
