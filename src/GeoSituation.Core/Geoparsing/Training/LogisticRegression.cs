namespace GeoSituation.Core.Geoparsing.Training;

/// <summary>One labelled feature vector; <see cref="Group"/> is the document, so folds never split one.</summary>
public sealed record LabelledExample(double[] Features, bool Label, int Group);

/// <summary>L2-regularised logistic regression fitted by full-batch gradient descent with Adam.</summary>
/// <remarks>Small and deterministic: a few dozen features, tens of thousands of examples, no randomness.</remarks>
public static class LogisticRegression
{
    public static double[] Fit(IReadOnlyList<LabelledExample> examples, double l2 = 1e-3, int iterations = 300, double learningRate = 0.05)
    {
        if (examples.Count == 0) throw new ArgumentException("no training examples", nameof(examples));
        var d = examples[0].Features.Length;
        var w = new double[d];
        var m = new double[d];
        var v = new double[d];
        var gradient = new double[d];
        const double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
        for (var t = 1; t <= iterations; t++)
        {
            Array.Clear(gradient);
            foreach (var e in examples)
            {
                var error = Sigmoid(Dot(w, e.Features)) - (e.Label ? 1 : 0);
                for (var j = 0; j < d; j++) gradient[j] += error * e.Features[j];
            }
            for (var j = 0; j < d; j++)
            {
                var g = gradient[j] / examples.Count + (j == 0 ? 0 : l2 * w[j]);
                m[j] = beta1 * m[j] + (1 - beta1) * g;
                v[j] = beta2 * v[j] + (1 - beta2) * g * g;
                var mHat = m[j] / (1 - Math.Pow(beta1, t));
                var vHat = v[j] / (1 - Math.Pow(beta2, t));
                w[j] -= learningRate * mHat / (Math.Sqrt(vHat) + epsilon);
            }
        }
        return w;
    }

    public static double Probability(ReadOnlySpan<double> weights, ReadOnlySpan<double> features) => Sigmoid(Dot(weights, features));

    private static double Dot(ReadOnlySpan<double> w, ReadOnlySpan<double> x)
    {
        var s = 0.0;
        for (var j = 0; j < w.Length; j++) s += w[j] * x[j];
        return s;
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
}
