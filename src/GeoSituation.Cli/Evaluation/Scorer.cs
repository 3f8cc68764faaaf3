using GeoSituation.Core.Geoparsing;

namespace GeoSituation.Cli.Evaluation;

/// <summary>A predicted toponym as scored: span, coordinates, and what the geoparser said about it.</summary>
internal sealed record Prediction(int Start, int End, double Lat, double Lon, double Confidence, string Surface, string Place, string Country);

/// <summary>One gold-prediction pairing (either side may be missing), with the error in km when both exist.</summary>
internal sealed record ScoredPair(string DocumentId, GoldToponym? Gold, Prediction? Predicted, double? ErrorKm)
{
    /// <summary>Counts for geo-F1: matched, and the gold has no coordinates or the error is within 161 km.</summary>
    public bool GeoCorrect => Gold is not null && Predicted is not null && (Gold.Lat is null || ErrorKm <= Scorer.AccuracyKm);
}

internal sealed record Scores(
    int Documents, int Gold, int Predicted, int Matched, double P, double R, double F1,
    double Acc161, double? MeanKm, double? MedianKm, double? Auc, double GeoF1);

/// <summary>The metrics of /work/shared/eval/score.py, computed the same way (same matching, same rounding).</summary>
internal static class Scorer
{
    public const double AccuracyKm = 161;
    private const double MaxErrorKm = 20039;

    /// <summary>One-to-one overlap matching, largest overlap first (ties as Python's reverse tuple sort).</summary>
    public static List<ScoredPair> Pair(string documentId, IReadOnlyList<GoldToponym> gold, IReadOnlyList<Prediction> predicted)
    {
        var candidates = new List<(int Overlap, int Gold, int Pred)>();
        for (var i = 0; i < gold.Count; i++)
        {
            for (var j = 0; j < predicted.Count; j++)
            {
                var overlap = Math.Min(gold[i].End, predicted[j].End) - Math.Max(gold[i].Start, predicted[j].Start);
                if (overlap > 0) candidates.Add((overlap, i, j));
            }
        }
        candidates.Sort((a, b) => b.CompareTo(a));
        var usedGold = new bool[gold.Count];
        var usedPred = new bool[predicted.Count];
        var pairs = new List<ScoredPair>();
        foreach (var (_, i, j) in candidates)
        {
            if (usedGold[i] || usedPred[j]) continue;
            usedGold[i] = usedPred[j] = true;
            var g = gold[i];
            var p = predicted[j];
            double? error = g.Lat is { } lat && g.Lon is { } lon ? Geo.Kilometres(lat, lon, p.Lat, p.Lon) : null;
            pairs.Add(new ScoredPair(documentId, g, p, error));
        }
        for (var i = 0; i < gold.Count; i++)
        {
            if (!usedGold[i]) pairs.Add(new ScoredPair(documentId, gold[i], null, null));
        }
        for (var j = 0; j < predicted.Count; j++)
        {
            if (!usedPred[j]) pairs.Add(new ScoredPair(documentId, null, predicted[j], null));
        }
        return pairs;
    }

    public static Scores Score(int documents, IReadOnlyList<ScoredPair> pairs)
    {
        var gold = pairs.Count(p => p.Gold is not null);
        var predicted = pairs.Count(p => p.Predicted is not null);
        var matched = pairs.Count(p => p.Gold is not null && p.Predicted is not null);
        var geo = pairs.Count(p => p.GeoCorrect);
        var errors = pairs.Where(p => p.ErrorKm is not null).Select(p => p.ErrorKm!.Value).Order().ToList();
        var precision = predicted == 0 ? 0 : (double)matched / predicted;
        var recall = gold == 0 ? 0 : (double)matched / gold;
        var geoP = predicted == 0 ? 0 : (double)geo / predicted;
        var geoR = gold == 0 ? 0 : (double)geo / gold;
        return new Scores(
            documents, gold, predicted, matched,
            Math.Round(precision, 3), Math.Round(recall, 3), Math.Round(F(precision, recall), 3),
            errors.Count == 0 ? 0 : Math.Round((double)errors.Count(e => e <= AccuracyKm) / errors.Count, 3),
            errors.Count == 0 ? null : Math.Round(errors.Average(), 1),
            errors.Count == 0 ? null : Math.Round(errors[errors.Count / 2], 1),
            errors.Count == 0 ? null : Math.Round(errors.Average(e => Math.Log(1 + e)) / Math.Log(MaxErrorKm), 3),
            Math.Round(F(geoP, geoR), 3));
    }

    private static double F(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}
