using System.CommandLine;
using System.Text.Json;
using GeoSituation.Cli.Analysis;
using GeoSituation.Core.Displacement;
using GeoSituation.Core.Events;
using GeoSituation.Core.Geoparsing;
using GeoSituation.Core.Text;

namespace GeoSituation.Cli.Commands;

/// <summary>`geosituation analyze`: JSONL articles on stdin -> one JSONL analysis per article on stdout. No database.</summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var geodata = GeodataOptions.Create();
        var data = DbMigrateCommand.DataOption();
        data.Description = "Data folder whose gazetteer/ imports are used, as the server on it does (default: $GEOSITUATION_DATA, else .data/ in the repository).";
        var command = new Command("analyze", "Read JSONL {\"id\",\"text\",\"published\"?} on stdin; write toponyms, displacement figures and events as JSONL on stdout.")
        {
            geodata, data,
        };
        command.SetAction(parse => Run(parse.GetValue(geodata), Console.In, Console.OpenStandardOutput(), Console.Error, parse.GetValue(data)));
        return command;
    }

    internal static int Run(DirectoryInfo? geodataDirectory, TextReader input, Stream output, TextWriter errors, DirectoryInfo? dataFolder = null)
    {
        var gazetteer = GeodataOptions.LoadWithImports(geodataDirectory, dataFolder);
        var geoparser = new Geoparser(gazetteer);
        var displacement = new DisplacementExtractor();
        var situationEvents = new EventExtractor();
        var lines = new List<string>();
        while (input.ReadLine() is { } line) lines.Add(line);

        // Articles are independent: analyse in parallel, write in input order.
        var results = new byte[lines.Count][];
        var failures = new string?[lines.Count];
        Parallel.For(0, lines.Count, i =>
        {
            if (string.IsNullOrWhiteSpace(lines[i])) return;
            var article = ArticleLineReader.Parse(lines[i], i + 1, out var error);
            if (article is null)
            {
                failures[i] = error;
                return;
            }
            var sentences = SentenceSplitter.Split(article.Text);
            var toponyms = geoparser.Parse(article.Text, sentences);
            var figures = displacement.Extract(article.Text, sentences, toponyms, article.Published);
            var found = situationEvents.Extract(article.Text, sentences, toponyms, article.Published);
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                AnalysisLine.Write(writer, article.Id, article.Text, toponyms, figures, found);
            }
            results[i] = buffer.ToArray();
        });
        var failed = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (failures[i] is { } message)
            {
                errors.WriteLine(message);
                failed++;
            }
            if (results[i] is null) continue;
            output.Write(results[i]);
            output.WriteByte((byte)'\n');
        }
        output.Flush();
        return failed == 0 ? 0 : 1;
    }
}
