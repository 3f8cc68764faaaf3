using System.CommandLine;
using GeoSituation.Cli.Commands;

// The `geosituation` command. Each verb lives in its own file under Commands/ and exposes Create();
// adding a verb is one line here. Exit codes: see Commands/ExitCodes.cs (0 ok, 1 usage, 2 failure).
var root = new RootCommand("GeoSituation: a geospatial situation map from news articles.");
root.Subcommands.Add(AnalyzeCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(IngestCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(GazetteerCommand.Create());
root.Subcommands.Add(DbMigrateCommand.Create());
root.Subcommands.Add(TrainRecognizerCommand.Create());
root.Subcommands.Add(TrainResolverCommand.Create());
root.Subcommands.Add(TrainConfidenceCommand.Create());
try
{
    // Our own handler below: a failure prints one line (no stack trace) and exits 2, not System.CommandLine's 1,
    // which scripts read as "bad usage".
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("Cancelled.");
    return ExitCodes.Failure;
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or InvalidDataException
                              or Npgsql.NpgsqlException or TimeoutException or System.Net.Http.HttpRequestException or NotSupportedException)
{
    Console.Error.WriteLine($"geosituation: {e.Message}");
    return ExitCodes.Failure;
}
catch (Exception e)
{
    // Whatever else escapes: still one line and exit 2, never a stack trace and an abort (exit 134).
    Console.Error.WriteLine($"geosituation: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
    return ExitCodes.Failure;
}
