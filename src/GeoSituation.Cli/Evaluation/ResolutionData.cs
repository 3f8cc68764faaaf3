using GeoSituation.Core.Geoparsing;
using GeoSituation.Core.Geoparsing.Training;

namespace GeoSituation.Cli.Evaluation;

/// <summary>A toponym the geoparser accepted that overlaps a gold toponym with coordinates: its readings, labelled.</summary>
/// <param name="Readings">One example per reading; the label says whether it lies within 161 km of the gold point.</param>
/// <param name="Distances">Kilometres from each reading to the gold point.</param>
internal sealed record ResolutionCase(List<LabelledExample> Readings, double[] Distances);

internal sealed record ResolutionCorpus(string FileName, string Sha256, List<List<ResolutionCase>> CasesByDocument);

internal static class ResolutionData
{
    public static ResolutionCorpus Load(string path, Geoparser geoparser)
    {
        var documents = GoldCorpus.Read(path);
        var cases = new List<ResolutionCase>[documents.Count];
        Parallel.For(0, documents.Count, i =>
        {
            var d = documents[i];
            cases[i] = [];
            foreach (var example in geoparser.ResolutionExamples(d.Text))
            {
                var gold = d.Toponyms.Where(g => g.Lat is not null && g.Start < example.Span.End && example.Span.Start < g.End)
                    .MaxBy(g => Math.Min(g.End, example.Span.End) - Math.Max(g.Start, example.Span.Start));
                if (gold is null) continue;
                var distances = example.Readings.Select(r => Geo.Kilometres(gold.Lat!.Value, gold.Lon!.Value, r.Entry.Latitude, r.Entry.Longitude)).ToArray();
                var readings = example.Readings.Select((r, k) => new LabelledExample(r.Features, distances[k] <= Scorer.AccuracyKm, i)).ToList();
                cases[i].Add(new ResolutionCase(readings, distances));
            }
        });
        return new ResolutionCorpus(Path.GetFileName(path), RecognitionData.Sha256Of(path), [.. cases]);
    }

    /// <summary>Fits the resolver on the cases (each a choice among its readings).</summary>
    public static double[] Fit(IEnumerable<ResolutionCase> cases) =>
        ConditionalLogit.Fit(
            [.. cases.Select(c => new ChoiceExample([.. c.Readings.Select(r => r.Features)], [.. c.Readings.Select(r => r.Label)]))],
            ResolutionFeatures.Count);

    /// <summary>Acc@161 when each case takes its highest-scoring reading.</summary>
    public static double Accuracy(IEnumerable<ResolutionCase> cases, double[] weights)
    {
        int n = 0, right = 0;
        foreach (var c in cases)
        {
            n++;
            var best = c.Readings.Select((r, k) => (Score: Dot(weights, r.Features), k)).MaxBy(x => x.Score).k;
            if (c.Distances[best] <= Scorer.AccuracyKm) right++;
        }
        return n == 0 ? 0 : (double)right / n;
    }

    private static double Dot(double[] w, double[] x)
    {
        var s = 0.0;
        for (var j = 0; j < w.Length; j++) s += w[j] * x[j];
        return s;
    }
}
