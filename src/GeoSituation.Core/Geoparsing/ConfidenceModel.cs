using GeoSituation.Core.Gazetteer;

namespace GeoSituation.Core.Geoparsing;

/// <summary>Turns what the geoparser knows about a toponym into the probability that it is a place and lies within
/// 161 km of the place meant: the confidence every toponym carries.</summary>
/// <remarks>
/// The product of the recognition and resolution probabilities is not calibrated: a country or a continent is
/// "right" less often than its resolution probability says, because gold standards place large areas at points of
/// their own, and a name with many readings is wrong more often. A logistic model over <see cref="Names"/>, fitted
/// on held-out (k-fold) predictions of the dev corpora by `geosituation train-confidence`, corrects for both.
/// </remarks>
public sealed partial class ConfidenceModel
{
    public static readonly string[] Names =
    [
        "bias", "recognition-logit", "resolution-logit", "is-country", "is-adm1", "is-adm2", "is-region", "log-population", "log-readings",
    ];

    public ConfidenceModel(double[] weights)
    {
        if (weights.Length != Names.Length)
            throw new ArgumentException($"expected {Names.Length} weights, got {weights.Length}", nameof(weights));
        Weights = weights;
    }

    public static ConfidenceModel Default { get; } = new(BuiltIn.Weights);

    public IReadOnlyList<double> Weights { get; }

    public static double[] Features(double recognition, double resolution, GazetteerEntry place, int readings) =>
    [
        1,
        Logit(recognition),
        Logit(resolution),
        place.Kind == PlaceKind.Country ? 1 : 0,
        place.FeatureCode == "ADM1" ? 1 : 0,
        place.Kind == PlaceKind.AdminArea && place.FeatureCode != "ADM1" ? 1 : 0,
        place.Kind == PlaceKind.Region ? 1 : 0,
        Math.Log10(Math.Max(10, place.Population)) / 7,
        Math.Log(Math.Max(1, readings)) / 5,
    ];

    public double Confidence(double recognition, double resolution, GazetteerEntry place, int readings)
    {
        var x = Features(recognition, resolution, place, readings);
        var s = 0.0;
        for (var j = 0; j < x.Length; j++) s += Weights[j] * x[j];
        return 1 / (1 + Math.Exp(-s));
    }

    // Probabilities of exactly 0 or 1 (rules, a single reading) would give infinite log-odds.
    private static double Logit(double p)
    {
        var q = Math.Clamp(p, 0.001, 0.999);
        return Math.Log(q / (1 - q));
    }
}
