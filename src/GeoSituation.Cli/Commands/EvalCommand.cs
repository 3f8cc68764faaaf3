using System.CommandLine;
using System.Text.Json;
using GeoSituation.Cli.Analysis;
using GeoSituation.Cli.Evaluation;
using GeoSituation.Core.Geoparsing;

namespace GeoSituation.Cli.Commands;

/// <summary>`geosituation eval gold.jsonl`: runs the geoparser over a gold corpus and prints the metrics of score.py.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var gold = new Argument<FileInfo>("gold") { Description = "Gold corpus JSONL ({\"id\",\"text\",\"toponyms\",\"toponyms_nocoord\"})." };
        var geodata = GeodataOptions.Create();
        var predictions = new Option<FileInfo?>("--predictions") { Description = "Also write the predictions as `analyze` JSONL (for score.py)." };
        var top = new Option<int>("--top") { Description = "How many entries to list per error class.", DefaultValueFactory = _ => 15 };
        var inSample = new Option<bool>("--in-sample") { Description = "Use the built-in models even on a corpus they were trained on (optimistic)." };
        var folds = new Option<int>("--folds") { Description = "Folds for held-out scoring of a training corpus.", DefaultValueFactory = _ => 5 };
        var command = new Command("eval", "Score the geoparser on a gold corpus: P/R/F1, Acc@161, mean/median km, AUC, geo-F1 (all, development, kept-apart fifth), worst errors, reliability table and ECE.")
        {
            gold, geodata, predictions, top, inSample, folds,
        };
        command.SetAction(parse => Run(
            parse.GetValue(gold)!, parse.GetValue(geodata), parse.GetValue(predictions), parse.GetValue(top),
            parse.GetValue(inSample), parse.GetValue(folds), Console.Out));
        return command;
    }

    internal static int Run(FileInfo goldFile, DirectoryInfo? geodataDirectory, FileInfo? predictionsFile, int top, bool inSample, int folds, TextWriter output)
    {
        if (!goldFile.Exists)
        {
            Console.Error.WriteLine($"No such file: {goldFile.FullName}");
            return 2;
        }
        var documents = GoldCorpus.Read(goldFile.FullName);
        var gazetteer = GeodataOptions.Load(geodataDirectory);
        IReadOnlyList<Toponym>[] parsed;
        if (!inSample && HeldOutModels.TrainedOn(goldFile.FullName, out var sha256))
        {
            output.WriteLine($"models: held-out, {folds}-fold by document (the built-in models were trained on this corpus)");
            parsed = HeldOutModels.Parse(goldFile.FullName, sha256, documents, gazetteer, folds, output);
        }
        else
        {
            output.WriteLine(inSample ? "models: built-in, in-sample (optimistic on their training corpora)" : "models: built-in (not trained on this corpus)");
            var geoparser = new Geoparser(gazetteer);
            parsed = new IReadOnlyList<Toponym>[documents.Count];
            Parallel.For(0, documents.Count, i => parsed[i] = geoparser.Parse(documents[i].Text));
        }

        var pairs = new List<ScoredPair>();
        for (var i = 0; i < documents.Count; i++)
        {
            var d = documents[i];
            var predicted = parsed[i].Select(ConfidenceData.Prediction).ToList();
            pairs.AddRange(Scorer.Pair(d.Id, d.Toponyms, predicted));
        }
        if (predictionsFile is not null)
        {
            using var stream = predictionsFile.Create();
            for (var i = 0; i < documents.Count; i++)
            {
                using (var writer = new Utf8JsonWriter(stream)) AnalysisLine.Write(writer, documents[i].Id, documents[i].Text, parsed[i], []);
                stream.WriteByte((byte)'\n');
            }
        }
        EvalReport.Print(output, goldFile.Name, documents, pairs, top);
        return 0;
    }
}
