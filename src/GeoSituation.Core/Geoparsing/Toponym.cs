using GeoSituation.Core.Gazetteer;
using GeoSituation.Core.Text;

namespace GeoSituation.Core.Geoparsing;

/// <summary>A place name found in text and the gazetteer entry it was resolved to.</summary>
/// <param name="Span">Where the name is in the text; may cover only part of a glued token ("khan younisOne").</param>
/// <param name="Surface">The text as written.</param>
/// <param name="Place">The resolved place.</param>
/// <param name="Confidence">Calibrated probability (0..1) that both the recognition and the resolution are right
/// (<see cref="ConfidenceModel"/>).</param>
public sealed record Toponym(TextSpan Span, string Surface, GazetteerEntry Place, double Confidence)
{
    /// <summary>Probability that the name is a place here (the recognizer's); 1 when not computed.</summary>
    public double Recognition { get; init; } = 1;

    /// <summary>Share of the chosen reading among the name's readings (the resolver's softmax); 1 when not computed.</summary>
    public double ResolutionProbability { get; init; } = 1;

    /// <summary>How many gazetteer entries the name could mean.</summary>
    public int Readings { get; init; } = 1;
}
