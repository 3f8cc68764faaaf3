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
