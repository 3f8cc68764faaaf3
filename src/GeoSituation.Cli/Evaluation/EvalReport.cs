using System.Globalization;

namespace GeoSituation.Cli.Evaluation;

/// <summary>Prints the metrics table, the worst error classes and accuracy per confidence band.</summary>
internal static class EvalReport
{
    public static void Print(TextWriter o, string corpus, Scores s, IReadOnlyList<ScoredPair> pairs, int top)
    {
        var c = CultureInfo.InvariantCulture;
        o.WriteLine($"corpus: {corpus}  ({s.Documents} documents, {s.Gold} gold, {s.Predicted} predicted, {s.Matched} matched)");
        o.WriteLine();
        o.WriteLine("|   P   |   R   |  F1   | Acc@161 | mean km | median km |  AUC  | geo-F1 |");
        o.WriteLine("|-------|-------|-------|---------|---------|-----------|-------|--------|");
        o.WriteLine(string.Format(c, "| {0,5:0.000} | {1,5:0.000} | {2,5:0.000} | {3,7:0.000} | {4,7} | {5,9} | {6,5} | {7,6:0.000} |",
            s.P, s.R, s.F1, s.Acc161, s.MeanKm?.ToString("0.0", c) ?? "-", s.MedianKm?.ToString("0.0", c) ?? "-",
            s.Auc?.ToString("0.000", c) ?? "-", s.GeoF1));
        o.WriteLine();

        var falsePositives = pairs.Where(p => p.Gold is null).ToList();
        var missed = pairs.Where(p => p.Predicted is null).ToList();
        var farOff = pairs.Where(p => p.ErrorKm > Scorer.AccuracyKm).ToList();
        o.WriteLine("worst error classes:");
        o.WriteLine($"  false positives (predicted, not a gold toponym): {falsePositives.Count}");
        o.WriteLine($"  missed (gold toponym not found):                 {missed.Count}");
        o.WriteLine($"  resolved > {Scorer.AccuracyKm} km from gold:                   {farOff.Count}");
        PrintTop(o, "false positives by surface", falsePositives.GroupBy(p => p.Predicted!.Surface), g => $"-> {g.First().Predicted!.Place} ({g.First().Predicted!.Country})", top);
        PrintTop(o, "missed by surface", missed.GroupBy(p => p.Gold!.Name), _ => "", top);
        PrintTop(o, "wrong place by surface", farOff.GroupBy(p => p.Gold!.Name),
            g => string.Create(c, $"-> {g.First().Predicted!.Place} ({g.First().Predicted!.Country}), median {g.Select(p => p.ErrorKm!.Value).Order().ElementAt(g.Count() / 2):0} km"), top);
        o.WriteLine();

        o.WriteLine("accuracy by confidence band (share of predictions that are a gold toponym resolved within 161 km):");
        o.WriteLine("| confidence | predictions | correct |");
        o.WriteLine("|------------|-------------|---------|");
        var predictions = pairs.Where(p => p.Predicted is not null).ToList();
        for (var band = 0; band < 5; band++)
        {
            var low = band * 0.2;
            var high = low + 0.2;
            var inBand = predictions.Where(p => p.Predicted!.Confidence >= low && (p.Predicted.Confidence < high || (band == 4 && p.Predicted.Confidence <= 1))).ToList();
            var correct = inBand.Count == 0 ? "-" : ((double)inBand.Count(p => p.GeoCorrect) / inBand.Count).ToString("0.000", c);
            o.WriteLine(string.Format(c, "| {0:0.0}-{1:0.0}    | {2,11} | {3,7} |", low, high, inBand.Count, correct));
        }
    }

    private static void PrintTop(TextWriter o, string title, IEnumerable<IGrouping<string, ScoredPair>> groups, Func<IGrouping<string, ScoredPair>, string> describe, int top)
    {
        o.WriteLine($"  top {title}:");
        foreach (var g in groups.OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(top))
            o.WriteLine($"    {g.Count(),4}  {g.Key} {describe(g)}");
    }
}
