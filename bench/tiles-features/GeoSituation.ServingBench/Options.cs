using System.Globalization;
using GeoSituation.Postgis.Database;
using GeoSituation.Postgis.Embedded;
using Npgsql;

namespace GeoSituation.ServingBench;

/// <summary>"--name value" options of a verb.</summary>
internal sealed class Options(string[] args)
{
    public string? Get(string name)
    {
        var i = Array.IndexOf(args, "--" + name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public string Require(string name) => Get(name) ?? throw new ArgumentException($"--{name} is required");

    public int Int(string name, int fallback) => Get(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    /// <summary>The database: --db connection string, or the embedded cluster of a running server's --data folder.</summary>
    public NpgsqlDataSource DataSource()
    {
        var connection = Get("db") ?? EmbeddedPostgres.ConnectionStringFor(new EmbeddedPostgresOptions { DataFolder = Path.GetFullPath(Require("data")) });
        // Bulk loads and whole-table statements outlast Npgsql's 30 s default on a busy machine.
        return GeoDataSource.Create(new NpgsqlConnectionStringBuilder(connection) { CommandTimeout = 0 }.ConnectionString);
    }

    /// <summary>The repository root (for the server's own SQL files, read in place so the bench runs exactly what the server runs).</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GeoSituation.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("GeoSituation.sln not found above the tool.");
    }

    public static string TileSql(string source) =>
        File.ReadAllText(Path.Combine(RepositoryRoot(), "src/GeoSituation.Postgis/Queries/Tiles", source + ".sql"));
}
