namespace GeoSituation.Core.Geoparsing;

/// <summary>Weights over <see cref="ResolutionFeatures.Names"/>: the score of reading a toponym as one entry.</summary>
/// <remarks>Produced by `geosituation train-resolver`, which rewrites ResolverModel.Weights.cs.</remarks>
public sealed partial class ResolverModel
{
    public ResolverModel(double[] weights, IReadOnlyList<TrainingCorpus>? trainedOn = null)
    {
        if (weights.Length != ResolutionFeatures.Count)
            throw new ArgumentException($"expected {ResolutionFeatures.Count} weights, got {weights.Length}", nameof(weights));
        Weights = weights;
        TrainedOn = trainedOn ?? [];
    }

    public static ResolverModel Default { get; } = new(BuiltIn.Weights, BuiltIn.TrainedOn);

    public IReadOnlyList<double> Weights { get; }

    public IReadOnlyList<TrainingCorpus> TrainedOn { get; }

    /// <summary>Log-odds that this reading is within 161 km of the place meant.</summary>
    public double Score(ReadOnlySpan<double> features)
    {
        var w = (double[])Weights;
        var s = 0.0;
        for (var j = 0; j < w.Length; j++) s += w[j] * features[j];
        return s;
    }
}
