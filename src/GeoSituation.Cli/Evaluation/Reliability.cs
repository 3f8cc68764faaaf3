namespace GeoSituation.Cli.Evaluation;

/// <summary>One confidence band: how many predictions fell in it, their mean confidence and the share that were right.</summary>
internal sealed record ReliabilityBand(double Low, double High, int Count, double MeanConfidence, double Accuracy);

/// <summary>Whether a toponym's confidence means what it says: a reliability table and the expected calibration error.</summary>
/// <remarks>
/// A prediction is right when it is a gold toponym resolved within 161 km (or one the annotators gave no coordinates),
/// the event the confidence is documented to estimate (<see cref="GeoSituation.Core.Geoparsing.Toponym"/>); a false
/// positive is wrong. ECE is the mean of |accuracy - mean confidence| over the bands, weighted by their counts.
/// </remarks>
internal static class Reliability
{
    public const int Bands = 10;

    public static List<ReliabilityBand> Table(IEnumerable<ScoredPair> pairs)
    {
        var predictions = pairs.Where(p => p.Predicted is not null).ToList();
        var bands = new List<ReliabilityBand>(Bands);
        for (var b = 0; b < Bands; b++)
        {
            var low = (double)b / Bands;
            var high = (double)(b + 1) / Bands;
            var inBand = predictions.Where(p => Band(p.Predicted!.Confidence) == b).ToList();
            bands.Add(new ReliabilityBand(low, high, inBand.Count,
                inBand.Count == 0 ? 0 : inBand.Average(p => p.Predicted!.Confidence),
                inBand.Count == 0 ? 0 : (double)inBand.Count(p => p.GeoCorrect) / inBand.Count));
        }
        return bands;
    }

    public static double ExpectedCalibrationError(IReadOnlyList<ReliabilityBand> table)
    {
        var total = table.Sum(b => b.Count);
        return total == 0 ? 0 : table.Sum(b => b.Count * Math.Abs(b.Accuracy - b.MeanConfidence)) / total;
    }

    /// <summary>Share right among predictions with confidence of at least <paramref name="threshold"/>.</summary>
    public static (int Count, double Accuracy) AtLeast(IEnumerable<ScoredPair> pairs, double threshold)
    {
        var confident = pairs.Where(p => p.Predicted is { } q && q.Confidence >= threshold).ToList();
        return (confident.Count, confident.Count == 0 ? 0 : (double)confident.Count(p => p.GeoCorrect) / confident.Count);
    }

    private static int Band(double confidence) => Math.Clamp((int)(confidence * Bands), 0, Bands - 1);
}
