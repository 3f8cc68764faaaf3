using System.CommandLine;
using System.Globalization;
using System.Text;
using GeoSituation.Cli.Evaluation;
using GeoSituation.Core.Geoparsing;
using GeoSituation.Core.Geoparsing.Training;

namespace GeoSituation.Cli.Commands;

/// <summary>`geosituation train-recognizer gold.jsonl...`: fits the recognition model, reports held-out scores, writes it.</summary>
/// <remarks>
/// Reports two held-out views before fitting the final model on everything: k-fold cross-validation by document
/// (the threshold is chosen on out-of-fold predictions) and cross-corpus (train on all other corpora, test on
/// one), which is the better guide to news the model has never seen.
/// </remarks>
internal static class TrainRecognizerCommand
{
    public static Command Create()
    {
        var corpora = new Argument<FileInfo[]>("gold") { Description = "Gold corpora (JSONL) to learn from.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<FileInfo?>("--out") { Description = "Write the model as C# (src/GeoSituation.Core/Geoparsing/RecognizerModel.Weights.cs)." };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds.", DefaultValueFactory = _ => 5 };
        var geodata = GeodataOptions.Create();
        var command = new Command("train-recognizer", "Train the toponym recognition model on gold corpora, with cross-validated and cross-corpus scores.")
        {
            corpora, output, folds, geodata,
        };
        command.SetAction(parse => Run(parse.GetValue(corpora)!, parse.GetValue(output), parse.GetValue(folds), parse.GetValue(geodata), Console.Out));
        return command;
    }

    internal static int Run(FileInfo[] corpora, FileInfo? output, int folds, DirectoryInfo? geodataDirectory, TextWriter o)
    {
        var geoparser = new Geoparser(GeodataOptions.Load(geodataDirectory));
        var data = new List<LabelledCorpus>();
        var offset = 0;
        foreach (var file in corpora)
        {
            var corpus = RecognitionData.Load(file.FullName, geoparser, offset);
            offset += corpus.Documents.Count;
            data.Add(corpus);
            o.WriteLine($"{corpus.FileName}: {corpus.Documents.Count} documents, {corpus.ExamplesByDocument.Sum(e => e.Count)} matches, {corpus.GoldCount} gold toponyms");
        }

        // k-fold cross-validation by document, all corpora pooled.
        var outOfFold = data.Select(c => new List<(LabelledExample, double)>()).ToList();
        for (var fold = 0; fold < folds; fold++)
        {
            var train = data.SelectMany(c => c.ExamplesByDocument.Where((_, i) => i % folds != fold).SelectMany(e => e)).ToList();
            var weights = LogisticRegression.Fit(train);
            for (var k = 0; k < data.Count; k++)
            {
                foreach (var e in data[k].ExamplesByDocument.Where((_, i) => i % folds == fold).SelectMany(e => e))
                    outOfFold[k].Add((e, LogisticRegression.Probability(weights, e.Features)));
            }
        }
        var threshold = BestThreshold(data, outOfFold);
        o.WriteLine();
        o.WriteLine($"{folds}-fold cross-validation (by document), threshold {threshold:0.00} chosen on out-of-fold predictions:");
        for (var k = 0; k < data.Count; k++) PrintScore(o, data[k].FileName, RecognitionData.Score(outOfFold[k], data[k].GoldCount, threshold));

        if (data.Count > 1)
        {
            o.WriteLine("cross-corpus (trained on the other corpora only):");
            for (var k = 0; k < data.Count; k++)
            {
                var train = data.Where((_, j) => j != k).SelectMany(c => c.ExamplesByDocument.SelectMany(e => e)).ToList();
                var weights = LogisticRegression.Fit(train);
                var predictions = data[k].ExamplesByDocument.SelectMany(e => e).Select(e => (e, LogisticRegression.Probability(weights, e.Features)));
                PrintScore(o, data[k].FileName, RecognitionData.Score(predictions, data[k].GoldCount, threshold));
            }
        }

        var final = LogisticRegression.Fit(data.SelectMany(c => c.ExamplesByDocument.SelectMany(e => e)).ToList());
        o.WriteLine();
        o.WriteLine("final model (all documents), largest weights:");
        foreach (var (name, w) in RecognitionFeatures.Names.Zip(final).OrderByDescending(p => Math.Abs(p.Second)).Take(12))
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {w,8:0.000}  {name}"));
        if (output is not null)
        {
            File.WriteAllText(output.FullName, WeightsSource(final, threshold, data.Select(c => new TrainingCorpus(c.FileName, c.Sha256))));
            o.WriteLine($"wrote {output.FullName}");
        }
        return 0;
    }

    /// <summary>The threshold that maximises the mean F1 over corpora, so one large corpus does not decide alone.</summary>
    internal static double BestThreshold(List<LabelledCorpus> data, List<List<(LabelledExample, double)>> predictions)
    {
        var best = (Threshold: 0.5, F1: -1.0);
        for (var t = 0.20; t <= 0.801; t += 0.02)
        {
            var mean = Enumerable.Range(0, data.Count).Average(k => RecognitionData.Score(predictions[k], data[k].GoldCount, t).F1);
            if (mean > best.F1) best = (Math.Round(t, 2), mean);
        }
        return best.Threshold;
    }

    private static void PrintScore(TextWriter o, string name, (double P, double R, double F1) s) =>
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-20} P {s.P:0.000}  R {s.R:0.000}  F1 {s.F1:0.000}"));

    private static string WeightsSource(double[] weights, double threshold, IEnumerable<TrainingCorpus> trainedOn)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("// <auto-generated> by `geosituation train-recognizer` (bench/train-recognizer.sh); do not edit by hand. </auto-generated>");
        sb.AppendLine("namespace GeoSituation.Core.Geoparsing;");
        sb.AppendLine();
        sb.AppendLine("public sealed partial class RecognizerModel");
        sb.AppendLine("{");
        sb.AppendLine("    private static partial class BuiltIn");
        sb.AppendLine("    {");
        sb.AppendLine("        /// <summary>Probability at or above which a match is reported (chosen for F1 in cross-validation).</summary>");
        sb.AppendLine(string.Create(c, $"        public const double Threshold = {threshold:0.00};"));
        sb.AppendLine();
        sb.AppendLine("        public static readonly TrainingCorpus[] TrainedOn =");
        sb.AppendLine("        [");
        foreach (var t in trainedOn) sb.AppendLine($"            new(\"{t.FileName}\", \"{t.Sha256}\"),");
        sb.AppendLine("        ];");
        sb.AppendLine();
        sb.AppendLine("        public static readonly double[] Weights =");
        sb.AppendLine("        [");
        foreach (var (name, w) in RecognitionFeatures.Names.Zip(weights)) sb.AppendLine(string.Create(c, $"            {w:0.000000}, // {name}"));
        sb.AppendLine("        ];");
        sb.AppendLine("    }");
        sb.AppendLine("}");
        return sb.ToString();
    }
}
