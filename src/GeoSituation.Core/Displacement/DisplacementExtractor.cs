using GeoSituation.Core.Geoparsing;
using GeoSituation.Core.Text;

namespace GeoSituation.Core.Displacement;

/// <summary>Finds displacement figures in text and ties each to a place, a direction and a date.</summary>
public sealed class DisplacementExtractor
{
    // SCAFFOLD: replaced by the displacement work (helper C).
    public IReadOnlyList<DisplacementFigure> Extract(string text, IReadOnlyList<TextSpan> sentences, IReadOnlyList<Toponym> toponyms, DateTimeOffset? published) =>
        throw new NotImplementedException();
}
