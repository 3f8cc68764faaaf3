using GeoSituation.Core.Geoparsing;
using GeoSituation.Core.Text;

namespace GeoSituation.Core.Displacement;

/// <summary>Finds displacement figures in text and ties each to a place, a direction and a date.</summary>
/// <remarks>
/// Thread-safe and allocation-light: each call scans with its own reusable token buffer. How a figure is
/// recognised, placed and dated is described on <see cref="DisplacementScan"/>.
/// </remarks>
public sealed class DisplacementExtractor
{
    public IReadOnlyList<DisplacementFigure> Extract(string text, IReadOnlyList<TextSpan> sentences, IReadOnlyList<Toponym> toponyms, DateTimeOffset? published)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(toponyms);
        DateOnly? day = published is { } p ? DateOnly.FromDateTime(p.DateTime) : null;
        return RepeatedFigures.Merge(new DisplacementScan(text, sentences, toponyms, day).Run());
    }
}
