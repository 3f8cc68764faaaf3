using GeoSituation.Core.Geoparsing;
using GeoSituation.Core.Geoparsing.Training;

namespace GeoSituation.Cli.Evaluation;

/// <summary>Examples for the confidence model: each toponym the geoparser returned, labelled by whether it is a gold
/// toponym resolved within 161 km (the event its confidence estimates).</summary>
internal static class ConfidenceData
{
    public static List<LabelledExample> Examples(IReadOnlyList<GoldDocument> documents, IReadOnlyList<IReadOnlyList<Toponym>> parsed, Func<int, bool> include)
    {
        var examples = new List<LabelledExample>();
        for (var i = 0; i < documents.Count; i++)
        {
            if (!include(i)) continue;
            var toponyms = parsed[i];
            var predictions = toponyms.Select(Prediction).ToList();
            // Predictions are records (equal by value), so the right ones are found by reference.
            var right = new HashSet<object>(Scorer.Pair(documents[i].Id, documents[i].Toponyms, predictions)
                .Where(p => p.GeoCorrect).Select(p => (object)p.Predicted!), ReferenceEqualityComparer.Instance);
            for (var k = 0; k < toponyms.Count; k++)
                examples.Add(new LabelledExample(Features(toponyms[k]), right.Contains(predictions[k]), i));
        }
        return examples;
    }

    public static double[] Fit(IReadOnlyList<LabelledExample> examples) => LogisticRegression.Fit(examples, iterations: 1500);

    /// <summary>The toponyms again with their confidence from <paramref name="model"/>.</summary>
    public static IReadOnlyList<Toponym> Recalibrate(IReadOnlyList<Toponym> toponyms, ConfidenceModel model) =>
        [.. toponyms.Select(t => t with { Confidence = Math.Round(model.Confidence(t.Recognition, t.ResolutionProbability, t.Place, t.Readings), 3) })];

    public static Prediction Prediction(Toponym t) =>
        new(t.Span.Start, t.Span.End, t.Place.Latitude, t.Place.Longitude, t.Confidence, t.Surface, t.Place.Name, t.Place.CountryCode);

    private static double[] Features(Toponym t) => ConfidenceModel.Features(t.Recognition, t.ResolutionProbability, t.Place, t.Readings);
}
