using GeoSituation.Postgis.Database;
using GeoSituation.Postgis.Embedded;
using Npgsql;

namespace GeoSituation.Cli.Tests.Infrastructure;

/// <summary>
/// One real embedded PostGIS cluster for the CLI tests, with the seed articles ingested through `geosituation ingest`
/// (so that verb is exercised by every test that reads the data back). The verbs reach it through --db.
/// </summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    public string DataFolder { get; } = Directory.CreateTempSubdirectory("geosituation-clitest-").FullName;
    public EmbeddedPostgres Cluster { get; private set; } = null!;
    public NpgsqlDataSource DataSource { get; private set; } = null!;
    public string ConnectionString => Cluster.ConnectionString;

    public async Task InitializeAsync()
    {
        Cluster = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataFolder = DataFolder, Durable = false });
        DataSource = GeoDataSource.Create(Cluster.ConnectionString);
        var ingest = await CliProcess.RunAsync(["ingest", Path.Combine(CliProcess.RepositoryRoot, "seeds"), "--db", ConnectionString]);
        if (ingest.ExitCode != 0) throw new InvalidOperationException("seed ingest failed: " + ingest);
    }

    public async Task<long> CountAsync(string sql, params object[] values)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await Cluster.StopAsync();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<DatabaseFixture>
{
    public const string Name = "cli-database";
}
