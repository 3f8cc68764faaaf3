using System.CommandLine;
using System.Globalization;
using System.Text;
using GeoSituation.Cli.Export;
using GeoSituation.Core.Gazetteer;
using GeoSituation.Postgis.Database;
using GeoSituation.Postgis.Export;
using GeoSituation.Postgis.Features;
using GeoSituation.Server.Features;
using Spectre.Console;

namespace GeoSituation.Cli.Commands;

/// <summary>
/// `geosituation export &lt;collection&gt; --format geojson|geojsonseq|csv|gpkg [--schema hxl|acled] [--bbox] [--datetime] [-o file]`:
/// a whole collection (or the part inside a bbox and time) as a file GIS and humanitarian tools open.
/// The features come from the same queries as /collections/{id}/items, so the file and the API agree.
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var collection = new Argument<string>("collection")
        {
            Description = $"Collection to export: {string.Join(", ", FeatureCatalogue.All.Select(c => c.Id))}.",
        };
        collection.AcceptOnlyFromAmong([.. FeatureCatalogue.All.Select(c => c.Id)]);
        var format = new Option<string>("--format", "-f")
        {
            Description = "geojson (FeatureCollection), geojsonseq (RFC 8142), csv (with an HXL hashtag row) or gpkg (GeoPackage).",
            DefaultValueFactory = _ => "geojson",
        };
        format.AcceptOnlyFromAmong("geojson", "geojsonseq", "csv", "gpkg");
        var schema = new Option<string>("--schema")
        {
            Description = "CSV column layout: hxl (our properties with an HXL hashtag row) or acled (events in ACLED's export columns, one row per claim).",
            DefaultValueFactory = _ => "hxl",
        };
        schema.AcceptOnlyFromAmong([.. FeatureCsv.SchemaNames]);
        var geodata = GeodataOptions.Create();
        var bbox = new Option<string?>("--bbox") { Description = "minLon,minLat,maxLon,maxLat (CRS84), as the items endpoint takes it." };
        var datetime = new Option<string?>("--datetime") { Description = "An RFC 3339 date or date-time, or an interval start/end with '..' for open ends." };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "File to write (default: stdout; required for gpkg)." };
        var database = DbMigrateCommand.DatabaseOption();
        var data = DbMigrateCommand.DataOption();
        var command = new Command("export", "Export a collection as GeoJSON, GeoJSON Sequence, CSV with HXL tags or GeoPackage.")
        {
            collection, format, schema, bbox, datetime, output, database, data, geodata,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            FeatureCatalogue.Find(parse.GetValue(collection)!)!, Parse(parse.GetValue(format)!), parse.GetValue(schema)!, parse.GetValue(bbox), parse.GetValue(datetime),
            parse.GetValue(output), parse.GetValue(database), parse.GetValue(data), parse.GetValue(geodata), cancellationToken));
        return command;
    }

    private static ExportFormat Parse(string format) => format switch
    {
        "geojsonseq" => ExportFormat.GeoJsonSeq,
        "csv" => ExportFormat.Csv,
        "gpkg" => ExportFormat.Gpkg,
        _ => ExportFormat.GeoJson,
    };

    private static async Task<int> RunAsync(FeatureCollectionInfo collection, ExportFormat format, string schemaName, string? bboxText, string? datetimeText,
        FileInfo? output, string? connectionString, DirectoryInfo? dataFolder, DirectoryInfo? geodata, CancellationToken cancellationToken)
    {
        FeatureCsv.TryParseSchema(schemaName, out var schema);
        if (schema != CsvSchema.Hxl && format != ExportFormat.Csv) return Usage($"--schema {schemaName} applies to --format csv.");
        if (!FeatureCsv.Supports(collection, schema)) return Usage($"--schema {schemaName} is for the events collection.");
        BoundingBox? bbox = null;
        if (bboxText is not null)
        {
            if (!TryParseBbox(bboxText, out var box)) return Usage("--bbox must be minLon,minLat,maxLon,maxLat with -180<=lon<=180, -90<=lat<=90 and min<=max.");
            bbox = box;
        }
        DateTimeOffset? start = null, end = null;
        if (datetimeText is not null && !Datetime.TryParse(datetimeText, out start, out end, out var error)) return Usage("--datetime: " + error);
        if (format == ExportFormat.Gpkg && output is null) return Usage("--format gpkg needs --output (a GeoPackage is a file, not a stream).");

        await using var session = await DatabaseSession.OpenAsync(
            connectionString ?? Environment.GetEnvironmentVariable("GEOSITUATION_DB"), dataFolder?.FullName ?? DatabaseSession.DefaultDataFolder(), cancellationToken: cancellationToken);
        var store = new FeatureStore(session.DataSource);
        var query = FeatureCsv.Query(new FeatureQuery(collection, 1, bbox, start, end), schema);
        var total = await store.CountAsync(query, cancellationToken);
        var rows = FeatureExport.ReadAllAsync(store, query, cancellationToken);

        // Progress goes to stderr so that stdout carries only the export when no file is given.
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var written = 0L;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var progress = context.AddTask(collection.Id, maxValue: Math.Max(1, total));
                async IAsyncEnumerable<FeatureRow> Counted()
                {
                    await foreach (var row in rows)
                    {
                        written++;
                        progress.Increment(1);
                        yield return row;
                    }
                }
                if (format == ExportFormat.Gpkg)
                {
                    await WriteGeoPackageAsync(output!.FullName, collection, Counted(), cancellationToken);
                }
                else
                {
                    await using var stream = output is null ? Console.OpenStandardOutput() : File.Create(output.FullName);
                    await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 64 * 1024);
                    await WriteTextAsync(writer, format, collection, () => CsvWriter(writer, collection, schema, geodata), Counted(), cancellationToken);
                }
                progress.Value = progress.MaxValue;
            });
        console.MarkupLineInterpolated($"[green]{written}[/] feature(s) of '{collection.Id}' written{(output is null ? "" : " to " + output.FullName)}");
        return ExitCodes.Ok;
    }

    private static IFeatureCsvWriter CsvWriter(TextWriter writer, FeatureCollectionInfo collection, CsvSchema schema, DirectoryInfo? geodata) =>
        FeatureCsv.Create(writer, collection, schema, () => CountryCodes.Load(geodata?.FullName ?? Gazetteer.LocateGeodata()));

    private static async Task WriteTextAsync(TextWriter writer, ExportFormat format, FeatureCollectionInfo collection, Func<IFeatureCsvWriter> csvWriter,
        IAsyncEnumerable<FeatureRow> rows, CancellationToken cancellationToken)
    {
        switch (format)
        {
            case ExportFormat.Csv:
                var csv = csvWriter();
                await csv.WriteHeaderAsync(cancellationToken);
                await foreach (var row in rows) await csv.WriteAsync(row, cancellationToken);
                break;
            case ExportFormat.GeoJsonSeq:
                // RFC 8142: every text starts with the record separator and ends with a line feed.
                await foreach (var row in rows)
                {
                    await writer.WriteAsync('\u001e');
                    await writer.WriteAsync(row.Json);
                    await writer.WriteAsync('\n');
                }
                break;
            default:
                await writer.WriteAsync("{\"type\":\"FeatureCollection\",\"name\":\"" + collection.Id + "\",\"features\":[");
                var first = true;
                await foreach (var row in rows)
                {
                    if (!first) await writer.WriteAsync(",\n");
                    first = false;
                    await writer.WriteAsync(row.Json);
                }
                await writer.WriteAsync("]}\n");
                break;
        }
    }

    private static async Task WriteGeoPackageAsync(string path, FeatureCollectionInfo collection, IAsyncEnumerable<FeatureRow> rows, CancellationToken cancellationToken)
    {
        await using var package = await GeoPackageWriter.CreateAsync(path, collection, cancellationToken);
        await foreach (var row in rows) await package.WriteAsync(row, cancellationToken);
        await package.CompleteAsync(collection.Description, cancellationToken);
    }

    private static bool TryParseBbox(string text, out BoundingBox bbox)
    {
        bbox = default;
        var parts = text.Split(',');
        if (parts.Length != 4) return false;
        var n = new double[4];
        for (var i = 0; i < 4; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out n[i]) || !double.IsFinite(n[i])) return false;
        }
        if (n[0] < -180 || n[2] > 180 || n[1] < -90 || n[3] > 90 || n[0] > n[2] || n[1] > n[3]) return false;
        bbox = new BoundingBox(n[0], n[1], n[2], n[3]);
        return true;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine(message);
        return ExitCodes.Usage;
    }
}
