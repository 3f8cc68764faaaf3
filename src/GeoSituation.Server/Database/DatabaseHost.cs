using GeoSituation.Postgis.Database;
using GeoSituation.Postgis.Embedded;
using GeoSituation.Server.Hosting;

namespace GeoSituation.Server.Database;

/// <summary>The database the server talks to: GEOSITUATION_DB, or the embedded cluster under the data folder.</summary>
internal sealed class DatabaseHost(ServerSettings settings, ILogger<DatabaseHost> logger) : IAsyncDisposable
{
    private EmbeddedPostgres? embedded;

    private EmbeddedPostgresOptions EmbeddedOptions => new() { DataFolder = settings.DataFolder };

    public bool IsEmbedded => settings.ConnectionString is null;

    /// <summary>Known before the database runs, so the data source can be built at startup.</summary>
    public string ConnectionString => settings.ConnectionString ?? EmbeddedPostgres.ConnectionStringFor(EmbeddedOptions);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!IsEmbedded)
        {
            logger.LogInformation("Using the database at {Database}", ConnectionStrings.Redact(ConnectionString));
            return;
        }
        embedded ??= await EmbeddedPostgres.StartAsync(EmbeddedOptions, logger, cancellationToken);
        logger.LogInformation("Embedded PostgreSQL + PostGIS running in {Folder} (socket {Socket})", embedded.ClusterFolder, embedded.SocketFolder);
    }

    /// <summary>Restarts the embedded cluster if it died; false when there is nothing to do (or the database is external).</summary>
    public Task<bool> RestartIfStoppedAsync(CancellationToken cancellationToken) =>
        embedded is null ? Task.FromResult(false) : embedded.RestartIfStoppedAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (embedded is not null) await embedded.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (embedded is not null) await embedded.DisposeAsync();
    }
}
