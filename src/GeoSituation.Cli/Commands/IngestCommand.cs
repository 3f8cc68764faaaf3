using System.CommandLine;
using System.Diagnostics;
using GeoSituation.Cli.Feeds;
using GeoSituation.Core.Articles;
using GeoSituation.Postgis.Articles;
using GeoSituation.Postgis.Database;
using GeoSituation.Postgis.Ingest;
using Spectre.Console;

namespace GeoSituation.Cli.Commands;

/// <summary>
/// `geosituation ingest &lt;files or folders&gt;`: analyses and stores articles (.txt: first line the title; .jsonl: one
/// JSON article a line; .json: an article or an array) in the configured database, with a progress bar.
/// RSS/Atom feeds and HTML pages (files .xml/.rss/.atom/.html/.htm, or http(s) URLs) are read through Feeds/WebSources.
/// Re-ingesting is harmless: articles are stored once by content hash.
/// </summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders of articles (.txt, .jsonl, .json), RSS/Atom feeds (.xml, .rss, .atom) or HTML pages (.html), or http(s) URLs of feeds and pages.", Arity = ArgumentArity.OneOrMore };
        var database = DbMigrateCommand.DatabaseOption();
        var data = DbMigrateCommand.DataOption();
        var geodata = GeodataOptions.Create();
        var parallel = new Option<int>("--parallel") { Description = "Articles analysed at once (default: 2 per core); a writer stores them in batches meanwhile.", DefaultValueFactory = _ => Environment.ProcessorCount * 2 };
        var json = JsonOutputOption.Create();
        var allowPrivate = new Option<bool>("--allow-private") { Description = "Follow redirects to loopback, private and link-local addresses (refused by default: a page must not lead us to internal services)." };
        var command = new Command("ingest", "Analyse articles and store them with their places, displacement figures and events.")
        {
            paths, database, data, geodata, parallel, json, allowPrivate,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(paths)!, parse.GetValue(database), parse.GetValue(data), parse.GetValue(geodata), Math.Max(1, parse.GetValue(parallel)), cancellationToken,
            parse.GetValue(json), parse.GetValue(allowPrivate)));
        return command;
    }

    private sealed class Tally
    {
        public int Created;
        public int Duplicates;
        public int Failed;
        public readonly List<string> Errors = [];
    }

    internal static async Task<int> RunAsync(string[] paths, string? connectionString, DirectoryInfo? dataFolder, DirectoryInfo? geodata, int parallel, CancellationToken cancellationToken, bool json = false, bool allowPrivate = false)
    {
        // With --json, stdout carries only the JSON summary; messages and the progress bar go to stderr.
        var console = json ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }) : AnsiConsole.Console;
        IReadOnlyList<string> files;
        var webPaths = paths.Where(WebSources.Handles).ToArray();
        try
        {
            files = ArticleFiles.Expand(paths.Except(webPaths));
        }
        catch (FileNotFoundException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return ExitCodes.Usage;
        }
        var tally = new Tally();
        var webArticles = await LoadWebSourcesAsync(webPaths, allowPrivate, tally, cancellationToken);
        if (files.Count == 0 && webArticles.Count == 0)
        {
            console.MarkupLine(tally.Failed > 0 ? "[red]No articles could be read.[/]" : "[yellow]No .txt, .jsonl or .json files found.[/]");
            foreach (var error in tally.Errors.Take(10)) console.MarkupLineInterpolated($"[red]  {error}[/]");
            return tally.Failed > 0 ? ExitCodes.Failure : ExitCodes.Usage;
        }

        var gazetteer = GeodataOptions.LoadWithImports(geodata, dataFolder);
        await using var session = await DatabaseSession.OpenAsync(
            connectionString ?? Environment.GetEnvironmentVariable("GEOSITUATION_DB"), dataFolder?.FullName ?? DatabaseSession.DefaultDataFolder(), cancellationToken: cancellationToken);
        console.MarkupLineInterpolated($"Ingesting {files.Count} file(s) into {session.Description}");
        // Analysis on --parallel threads, storage in batches (one transaction each) by a writer running alongside.
        var ingestor = new BulkIngestor(new ArticleAnalyzer(gazetteer), new ArticleStore(session.DataSource)) { AnalysisWorkers = parallel };

        var total = files.Sum(CountArticles) + webArticles.Count;
        var clock = Stopwatch.StartNew();
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var progress = context.AddTask("articles", maxValue: Math.Max(1, total));
                await ingestor.RunAsync(webArticles.Concat(ReadAll(files, tally)), outcome =>
                {
                    if (outcome.Error is { } error) Fail(tally, $"{outcome.Where}: {error}");
                    else if (outcome.Result!.Created) Interlocked.Increment(ref tally.Created);
                    else Interlocked.Increment(ref tally.Duplicates);
                    progress.Increment(1);
                }, cancellationToken);
                progress.Value = progress.MaxValue;
            });
        var seconds = clock.Elapsed.TotalSeconds;
        var processed = tally.Created + tally.Duplicates;
        console.MarkupLineInterpolated(
            $"[green]{tally.Created} new[/], {tally.Duplicates} already stored, [red]{tally.Failed} failed[/] in {seconds:0.0} s ({processed / Math.Max(seconds, 0.001):0} articles/s)");
        foreach (var error in tally.Errors.Take(10)) console.MarkupLineInterpolated($"[red]  {error}[/]");
        if (json)
        {
            JsonOutputOption.Write(new { tally.Created, tally.Duplicates, tally.Failed, Seconds = Math.Round(seconds, 3), Errors = tally.Errors });
        }
        return tally.Failed == 0 ? ExitCodes.Ok : ExitCodes.Failure;
    }

    /// <summary>Feeds and pages, read before the progress bar starts; a source that fails is counted and reported, the rest go on.</summary>
    private static async Task<List<(ArticleInput Article, string Where)>> LoadWebSourcesAsync(string[] sources, bool allowPrivate, Tally tally, CancellationToken cancellationToken)
    {
        var articles = new List<(ArticleInput, string)>();
        if (sources.Length == 0) return articles;
        using var http = new WebFetcher(allowPrivate);
        foreach (var source in sources)
        {
            try
            {
                articles.AddRange(await WebSources.LoadAsync(source, http, cancellationToken));
            }
            catch (Exception e) when (e is InvalidDataException or IOException or HttpRequestException or UriFormatException or NotSupportedException or System.Xml.XmlException
                                          or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                Fail(tally, e.Message);
            }
        }
        return articles;
    }

    private static void Fail(Tally tally, string error)
    {
        Interlocked.Increment(ref tally.Failed);
        lock (tally.Errors) tally.Errors.Add(error);
    }

    private static IEnumerable<(ArticleInput Article, string Where)> ReadAll(IReadOnlyList<string> files, Tally tally)
    {
        foreach (var file in files)
        {
            using var articles = ArticleFiles.Read(file).GetEnumerator();
            var index = 0;
            while (true)
            {
                ArticleInput article;
                try
                {
                    if (!articles.MoveNext()) break;
                    article = articles.Current;
                }
                catch (InvalidDataException e)
                {
                    // A malformed line: report it and go on with the next file (the reader cannot resume mid-file).
                    Fail(tally, e.Message);
                    break;
                }
                index++;
                yield return (article, $"{file}#{index}");
            }
        }
    }

    /// <summary>Articles in a file without parsing them, for the progress bar.</summary>
    private static int CountArticles(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".jsonl" => File.ReadLines(file).Count(line => !string.IsNullOrWhiteSpace(line)),
        ".json" => SafeCount(file),
        _ => 1,
    };

    private static int SafeCount(string file)
    {
        try { return ArticleFiles.Read(file).Count(); }
        catch (InvalidDataException) { return 1; }
    }
}
