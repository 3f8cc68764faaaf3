using System.Globalization;

namespace GeoSituation.Cli.Evaluation;

/// <summary>Prints the metrics (all documents, the four development fifths, the kept-apart fifth), the worst error
/// classes of the development fifths only, and the reliability table of the confidences.</summary>
internal static class EvalReport
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static void Print(TextWriter o, string corpus, IReadOnlyList<GoldDocument> documents, IReadOnlyList<ScoredPair> pairs, int top)
    {
        var keptApartIds = documents.Select(d => d.Id).Where(KeptApartFifth.Contains).ToHashSet(StringComparer.Ordinal);
        var development = pairs.Where(p => !keptApartIds.Contains(p.DocumentId)).ToList();
        var keptApart = pairs.Where(p => keptApartIds.Contains(p.DocumentId)).ToList();
        var all = Scorer.Score(documents.Count, pairs);
        o.WriteLine($"corpus: {corpus}  ({all.Documents} documents, {all.Gold} gold, {all.Predicted} predicted, {all.Matched} matched)");
        o.WriteLine();
        o.WriteLine("| documents            |   P   |   R   |  F1   | Acc@161 | mean km | median km |  AUC  | geo-F1 |");
        o.WriteLine("|----------------------|-------|-------|-------|---------|---------|-----------|-------|--------|");
        Row(o, $"all ({documents.Count})", all);
        Row(o, $"development ({documents.Count - keptApartIds.Count})", Scorer.Score(documents.Count - keptApartIds.Count, development));
        Row(o, $"kept-apart ({keptApartIds.Count})", Scorer.Score(keptApartIds.Count, keptApart));
        o.WriteLine();

        var falsePositives = development.Where(p => p.Gold is null).ToList();
        var missed = development.Where(p => p.Predicted is null).ToList();
        var farOff = development.Where(p => p.ErrorKm > Scorer.AccuracyKm).ToList();
        o.WriteLine("worst error classes (development fifths only; the kept-apart fifth is never listed):");
        o.WriteLine($"  false positives (predicted, not a gold toponym): {falsePositives.Count}");
        o.WriteLine($"  missed (gold toponym not found):                 {missed.Count}");
        o.WriteLine($"  resolved > {Scorer.AccuracyKm} km from gold:                   {farOff.Count}");
        PrintTop(o, "false positives by surface", falsePositives.GroupBy(p => p.Predicted!.Surface), g => $"-> {g.First().Predicted!.Place} ({g.First().Predicted!.Country})", top);
        PrintTop(o, "missed by surface", missed.GroupBy(p => p.Gold!.Name), _ => "", top);
        PrintTop(o, "wrong place by surface", farOff.GroupBy(p => p.Gold!.Name),
            g => string.Create(C, $"-> {g.First().Predicted!.Place} ({g.First().Predicted!.Country}), median {g.Select(p => p.ErrorKm!.Value).Order().ElementAt(g.Count() / 2):0} km"), top);
        o.WriteLine();

        o.WriteLine("reliability (right = a gold toponym resolved within 161 km; a false positive is wrong):");
        o.WriteLine("| confidence | predictions | mean confidence | right |");
        o.WriteLine("|------------|-------------|-----------------|-------|");
        var table = Reliability.Table(pairs);
        foreach (var b in table)
        {
            o.WriteLine(string.Format(C, "| {0:0.0}-{1:0.0}    | {2,11} | {3,15} | {4,5} |", b.Low, b.High, b.Count,
                b.Count == 0 ? "-" : b.MeanConfidence.ToString("0.000", C), b.Count == 0 ? "-" : b.Accuracy.ToString("0.000", C)));
        }
        var (confident, confidentRight) = Reliability.AtLeast(pairs, 0.8);
        var (fifthConfident, fifthConfidentRight) = Reliability.AtLeast(keptApart, 0.8);
        o.WriteLine(string.Format(C, "ECE: {0:0.000} all, {1:0.000} kept-apart fifth", Reliability.ExpectedCalibrationError(table),
            Reliability.ExpectedCalibrationError(Reliability.Table(keptApart))));
        o.WriteLine(string.Format(C, "confidence >= 0.8: {0} predictions, {1:0.000} right (kept-apart fifth: {2}, {3:0.000})",
            confident, confidentRight, fifthConfident, fifthConfidentRight));
    }

    private static void Row(TextWriter o, string label, Scores s) =>
        o.WriteLine(string.Format(C, "| {0,-20} | {1,5:0.000} | {2,5:0.000} | {3,5:0.000} | {4,7:0.000} | {5,7} | {6,9} | {7,5} | {8,6:0.000} |",
            label, s.P, s.R, s.F1, s.Acc161, s.MeanKm?.ToString("0.0", C) ?? "-", s.MedianKm?.ToString("0.0", C) ?? "-",
            s.Auc?.ToString("0.000", C) ?? "-", s.GeoF1));

    private static void PrintTop(TextWriter o, string title, IEnumerable<IGrouping<string, ScoredPair>> groups, Func<IGrouping<string, ScoredPair>, string> describe, int top)
    {
        o.WriteLine($"  top {title}:");
        foreach (var g in groups.OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(top))
            o.WriteLine($"    {g.Count(),4}  {g.Key} {describe(g)}");
    }
}
