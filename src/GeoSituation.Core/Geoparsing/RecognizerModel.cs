namespace GeoSituation.Core.Geoparsing;

/// <summary>A corpus a model was trained on: its file name and SHA-256, so evaluation can tell training data.</summary>
public sealed record TrainingCorpus(string FileName, string Sha256);

/// <summary>Weights over <see cref="RecognitionFeatures.Names"/> and the probability at which a match is reported.</summary>
/// <remarks>
/// The built-in model (<see cref="Default"/>) is produced by `geosituation train-recognizer`, which rewrites
/// RecognizerModel.Weights.cs; the weights are plain numbers so the model is inspectable and diffable.
/// </remarks>
public sealed partial class RecognizerModel
{
    public RecognizerModel(double[] weights, double threshold, IReadOnlyList<TrainingCorpus>? trainedOn = null)
    {
        if (weights.Length != RecognitionFeatures.Count)
            throw new ArgumentException($"expected {RecognitionFeatures.Count} weights, got {weights.Length}", nameof(weights));
        Weights = weights;
        Threshold = threshold;
        TrainedOn = trainedOn ?? [];
    }

    public static RecognizerModel Default { get; } = new(BuiltIn.Weights, BuiltIn.Threshold, BuiltIn.TrainedOn);

    public IReadOnlyList<double> Weights { get; }

    public double Threshold { get; }

    public IReadOnlyList<TrainingCorpus> TrainedOn { get; }

    public double Probability(ReadOnlySpan<double> features) =>
        Training.LogisticRegression.Probability(((double[])Weights).AsSpan(), features);
}
