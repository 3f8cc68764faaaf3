using GeoSituation.Core.Text;

namespace GeoSituation.Core.Geoparsing;

/// <summary>Finds toponyms in text and resolves them against the gazetteer.</summary>
public sealed class Geoparser(Gazetteer.Gazetteer gazetteer)
{
    // SCAFFOLD: replaced by the geoparsing work (helper A).
    public IReadOnlyList<Toponym> Parse(string text, IReadOnlyList<TextSpan>? sentences = null) =>
        throw new NotImplementedException(gazetteer.ToString());
}
