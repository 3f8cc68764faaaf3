using System.CommandLine;
using GeoSituation.Cli.Commands;

// The `geosituation` command. Each verb lives in its own file under Commands/ and exposes Create();
// adding a verb is one line here.
var root = new RootCommand("GeoSituation: a geospatial situation map from news articles.");
root.Subcommands.Add(AnalyzeCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(IngestCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(DbMigrateCommand.Create());
root.Subcommands.Add(TrainRecognizerCommand.Create());
root.Subcommands.Add(TrainResolverCommand.Create());
return await root.Parse(args).InvokeAsync();
