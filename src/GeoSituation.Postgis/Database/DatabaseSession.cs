using GeoSituation.Postgis.Embedded;
using GeoSituation.Postgis.Migrations;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GeoSituation.Postgis.Database;

/// <summary>
/// A database to work on outside the server (CLI verbs, tools): GEOSITUATION_DB when given, else the embedded
/// cluster under the data folder (started, or shared with a server already running on it), migrated.
/// </summary>
public sealed class DatabaseSession : IAsyncDisposable
{
    private readonly EmbeddedPostgres? embedded;

    private DatabaseSession(NpgsqlDataSource dataSource, EmbeddedPostgres? embedded, string description)
    {
        DataSource = dataSource;
        this.embedded = embedded;
        Description = description;
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>Where the data goes, safe to print (no password).</summary>
    public string Description { get; }

    /// <summary>$GEOSITUATION_DATA, else .data/ in the repository checkout above the working directory, else ./.data.</summary>
    public static string DefaultDataFolder()
    {
        var configured = Environment.GetEnvironmentVariable("GEOSITUATION_DATA");
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GeoSituation.sln"))) return Path.Combine(dir.FullName, ".data");
        }
        return Path.GetFullPath(".data");
    }

    /// <summary>Opens (and migrates) the database; <paramref name="connectionString"/> null means the embedded cluster.</summary>
    public static async Task<DatabaseSession> OpenAsync(string? connectionString, string dataFolder, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        EmbeddedPostgres? embedded = null;
        string description;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            embedded = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataFolder = dataFolder }, logger, cancellationToken);
            connectionString = embedded.ConnectionString;
            description = $"embedded PostgreSQL in {embedded.ClusterFolder}";
        }
        else
        {
            description = ConnectionStrings.Redact(connectionString);
        }
        var dataSource = GeoDataSource.Create(connectionString);
        try
        {
            await Migrator.MigrateAsync(dataSource, logger, cancellationToken);
        }
        catch
        {
            await dataSource.DisposeAsync();
            if (embedded is not null) await embedded.StopAsync(CancellationToken.None);
            throw;
        }
        return new DatabaseSession(dataSource, embedded, description);
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        if (embedded is not null) await embedded.StopAsync();
    }
}
