using System.CommandLine;
using GeoSituation.Postgis.Database;
using GeoSituation.Postgis.Migrations;
using Spectre.Console;

namespace GeoSituation.Cli.Commands;

/// <summary>`geosituation db migrate`: applies pending schema migrations (the server also does this at start).</summary>
internal static class DbMigrateCommand
{
    /// <summary>--db: a connection string to an existing PostGIS database (default: GEOSITUATION_DB, else the embedded cluster).</summary>
    public static Option<string?> DatabaseOption() => new("--db")
    {
        Description = "Connection string of a PostGIS database (default: $GEOSITUATION_DB, else the embedded cluster in the data folder).",
    };

    /// <summary>--data: the data folder holding the embedded cluster.</summary>
    public static Option<DirectoryInfo?> DataOption() => new("--data")
    {
        Description = "Data folder of the embedded cluster (default: $GEOSITUATION_DATA, else .data/ in the repository).",
    };

    public static Command Create()
    {
        var database = DatabaseOption();
        var data = DataOption();
        var json = JsonOutputOption.Create();
        var migrate = new Command("migrate", "Apply pending schema migrations.") { database, data, json };
        migrate.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(database), parse.GetValue(data), parse.GetValue(json), cancellationToken));
        return new Command("db", "Database maintenance.") { migrate };
    }

    private static async Task<int> RunAsync(string? connectionString, DirectoryInfo? data, bool json, CancellationToken cancellationToken)
    {
        await using var session = await DatabaseSession.OpenAsync(
            connectionString ?? Environment.GetEnvironmentVariable("GEOSITUATION_DB"), data?.FullName ?? DatabaseSession.DefaultDataFolder(), cancellationToken: cancellationToken);
        // Opening the session migrated; a second pass proves nothing is left and lists what is applied.
        var pending = await Migrator.MigrateAsync(session.DataSource, cancellationToken: cancellationToken);
        await using var command = session.DataSource.CreateCommand("SELECT name, applied_at FROM schema_migrations ORDER BY name");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var applied = new List<(string Name, DateTime At)>();
        while (await reader.ReadAsync(cancellationToken)) applied.Add((reader.GetString(0), reader.GetDateTime(1)));
        if (json)
        {
            JsonOutputOption.Write(new
            {
                Database = session.Description,
                Applied = applied.Select(a => new { a.Name, AppliedAt = a.At.ToUniversalTime() }),
                AppliedNow = pending.Count,
            });
            return ExitCodes.Ok;
        }
        AnsiConsole.MarkupLineInterpolated($"Database: {session.Description}");
        foreach (var (name, at) in applied) AnsiConsole.MarkupLineInterpolated($"  [green]applied[/] {name} at {at:u}");
        if (pending.Count > 0) AnsiConsole.MarkupLineInterpolated($"[yellow]{pending.Count} migration(s) applied on the second pass[/]");
        return 0;
    }
}
