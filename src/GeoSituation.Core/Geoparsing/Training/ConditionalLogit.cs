namespace GeoSituation.Core.Geoparsing.Training;

/// <summary>A choice among alternatives: feature vectors of the readings, and which of them are right.</summary>
public sealed record ChoiceExample(double[][] Alternatives, bool[] Right);

/// <summary>Conditional (multinomial) logit: softmax over a case's alternatives, fitted by Adam on the log-likelihood
/// of choosing a right one. Suits ranking readings of a name better than scoring each reading on its own.</summary>
public static class ConditionalLogit
{
    public static double[] Fit(IReadOnlyList<ChoiceExample> cases, int dimensions, double l2 = 1e-3, int iterations = 300, double learningRate = 0.05)
    {
        var w = new double[dimensions];
        var m = new double[dimensions];
        var v = new double[dimensions];
        var gradient = new double[dimensions];
        const double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
        var usable = cases.Where(c => c.Right.Any(r => r) && c.Alternatives.Length > 1).ToList();
        if (usable.Count == 0) return w;
        var scores = new double[usable.Max(c => c.Alternatives.Length)];
        for (var t = 1; t <= iterations; t++)
        {
            Array.Clear(gradient);
            foreach (var c in usable)
            {
                var n = c.Alternatives.Length;
                var max = double.NegativeInfinity;
                for (var k = 0; k < n; k++)
                {
                    scores[k] = Dot(w, c.Alternatives[k]);
                    max = Math.Max(max, scores[k]);
                }
                double all = 0, right = 0;
                for (var k = 0; k < n; k++)
                {
                    scores[k] = Math.Exp(scores[k] - max);
                    all += scores[k];
                    if (c.Right[k]) right += scores[k];
                }
                for (var k = 0; k < n; k++)
                {
                    var p = scores[k] / all;
                    var q = c.Right[k] ? scores[k] / right : 0;
                    var g = p - q;
                    if (g == 0) continue;
                    var x = c.Alternatives[k];
                    for (var j = 0; j < dimensions; j++) gradient[j] += g * x[j];
                }
            }
            for (var j = 0; j < dimensions; j++)
            {
                var g = gradient[j] / usable.Count + l2 * w[j];
                m[j] = beta1 * m[j] + (1 - beta1) * g;
                v[j] = beta2 * v[j] + (1 - beta2) * g * g;
                w[j] -= learningRate * (m[j] / (1 - Math.Pow(beta1, t))) / (Math.Sqrt(v[j] / (1 - Math.Pow(beta2, t))) + epsilon);
            }
        }
        return w;
    }

    private static double Dot(double[] w, double[] x)
    {
        var s = 0.0;
        for (var j = 0; j < w.Length; j++) s += w[j] * x[j];
        return s;
    }
}
