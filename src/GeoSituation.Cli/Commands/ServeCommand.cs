using System.CommandLine;
using GeoSituation.Server;

namespace GeoSituation.Cli.Commands;

/// <summary>`geosituation serve`: the map server (same as `dotnet run --project src/GeoSituation.Server`).</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = "Where to listen (default: $ASPNETCORE_URLS, else http://127.0.0.1:5080)." };
        var database = DbMigrateCommand.DatabaseOption();
        var data = DbMigrateCommand.DataOption();
        var command = new Command("serve", "Serve the map, OGC API Features, vector tiles and the ingest API.") { urls, database, data };
        command.SetAction(async parse =>
        {
            var args = new List<string>();
            if (parse.GetValue(urls) is { } listen) args.Add($"--urls={listen}");
            if (parse.GetValue(database) is { } connectionString) args.Add($"--GEOSITUATION_DB={connectionString}");
            if (parse.GetValue(data) is { } folder) args.Add($"--GEOSITUATION_DATA={folder.FullName}");
            // The host handles Ctrl+C and SIGTERM itself: graceful shutdown, then the embedded cluster stops.
            await ServerApp.Build([.. args]).RunAsync();
            return 0;
        });
        return command;
    }
}
