using GeoSituation.Postgis.Database;
using GeoSituation.Postgis.Embedded;
using GeoSituation.Postgis.Migrations;
using Npgsql;

namespace GeoSituation.Postgis.Tests;

/// <summary>One real embedded PostGIS cluster in a temp folder for the whole test collection, migrated once.</summary>
public sealed class PostgisFixture : IAsyncLifetime
{
    public string DataFolder { get; } = Directory.CreateTempSubdirectory("geosituation-pgtest-").FullName;
    public EmbeddedPostgres Cluster { get; private set; } = null!;
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    /// <summary>Rows of one article in mentions, displacement, events or flows.</summary>
    public async Task<long> RowsOfArticleAsync(string table, long articleId)
    {
        // Table names here are test constants, not input.
        await using var command = DataSource.CreateCommand(table switch
        {
            "mentions" => "SELECT count(*) FROM mentions WHERE article_id = $1",
            "displacement" => "SELECT count(*) FROM displacement WHERE article_id = $1",
            "events" => "SELECT count(*) FROM events WHERE article_id = $1",
            "flows" => "SELECT count(*) FROM flows WHERE article_id = $1",
            _ => throw new ArgumentOutOfRangeException(nameof(table)),
        });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = articleId });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task InitializeAsync()
    {
        Cluster = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataFolder = DataFolder, Durable = false });
        DataSource = GeoDataSource.Create(Cluster.ConnectionString);
        await Migrator.MigrateAsync(DataSource);
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await Cluster.StopAsync();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgisCollection : ICollectionFixture<PostgisFixture>
{
    public const string Name = "postgis";
}
