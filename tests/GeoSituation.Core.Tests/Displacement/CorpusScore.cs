using System.Globalization;
using GeoSituation.Core.Displacement;

namespace GeoSituation.Core.Tests.Displacement;

/// <summary>Precision and recall of figure extraction over a corpus, and how often a found figure is placed right.</summary>
/// <remarks>
/// A predicted figure matches a gold one in the same item when the people count agrees (one-to-one). Precision
/// and recall count those matches; place accuracy is the share of matches whose place, direction and origin
/// also agree; qualifier accuracy the share whose qualifier and bounds agree.
/// </remarks>
internal sealed record CorpusScore(int Items, int Gold, int Predicted, int Matched, int Placed, int Qualified)
{
    public double Precision => Predicted == 0 ? 1 : (double)Matched / Predicted;

    public double Recall => Gold == 0 ? 1 : (double)Matched / Gold;

    public double PlaceAccuracy => Matched == 0 ? 1 : (double)Placed / Matched;

    public double QualifierAccuracy => Matched == 0 ? 1 : (double)Qualified / Matched;

    public static CorpusScore Measure(IEnumerable<CorpusCase> cases, Func<CorpusCase, IReadOnlyList<DisplacementFigure>> run)
    {
        int items = 0, gold = 0, predicted = 0, matched = 0, placed = 0, qualified = 0;
        foreach (var item in cases)
        {
            items++;
            var figures = run(item).ToList();
            gold += item.Figures.Length;
            predicted += figures.Count;
            foreach (var expected in item.Figures)
            {
                var i = figures.FindIndex(f => f.People == expected.People);
                if (i < 0) continue;
                var found = figures[i];
                figures.RemoveAt(i);
                matched++;
                if (found.Place?.Name == expected.Place && found.Direction == expected.Direction && found.Origin?.Name == expected.Origin) placed++;
                if (found.Qualifier == expected.Qualifier && found.Low == expected.Low && found.High == expected.High) qualified++;
            }
        }
        return new CorpusScore(items, gold, predicted, matched, placed, qualified);
    }

    public string Report() => string.Create(CultureInfo.InvariantCulture,
        $"Displacement corpus: {Items} items, {Gold} gold figures, {Predicted} extracted, {Matched} matched. " +
        $"Precision {Precision:0.000}, recall {Recall:0.000}, F1 {2 * Precision * Recall / Math.Max(Precision + Recall, 1e-9):0.000}; " +
        $"place+direction accuracy {PlaceAccuracy:0.000}, qualifier+bounds accuracy {QualifierAccuracy:0.000}.");
}
