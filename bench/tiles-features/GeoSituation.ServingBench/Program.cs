using GeoSituation.ServingBench;

// Verbs used by bench/run.sh; each prints one machine-readable RESULT line besides its human output.
if (args.Length == 0)
{
    Console.Error.WriteLine("verbs: generate | make-articles | tile-sizes | tile-latency | items-rate | export-tiles | connection-string");
    return 2;
}
var options = new Options(args[1..]);
return args[0] switch
{
    "generate" => await Generator.RunAsync(options),
    "make-articles" => ArticleTexts.Run(options),
    "tile-sizes" => await TileSizes.RunAsync(options),
    "tile-latency" => await TileLatency.RunAsync(options),
    "items-rate" => await ItemsRate.RunAsync(options),
    "export-tiles" => await TileExport.RunAsync(options),
    "connection-string" => ConnectionString(options),
    _ => 2,
};

// The embedded cluster's connection string (Unix socket, no secret), for a second server started with GEOSITUATION_DB.
static int ConnectionString(Options options)
{
    Console.WriteLine(GeoSituation.Postgis.Embedded.EmbeddedPostgres.ConnectionStringFor(
        new GeoSituation.Postgis.Embedded.EmbeddedPostgresOptions { DataFolder = Path.GetFullPath(options.Require("data")) }));
    return 0;
}
