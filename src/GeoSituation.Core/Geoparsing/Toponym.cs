using GeoSituation.Core.Gazetteer;
using GeoSituation.Core.Text;

namespace GeoSituation.Core.Geoparsing;

/// <summary>A place name found in text and the gazetteer entry it was resolved to.</summary>
/// <param name="Span">Where the name is in the text; may cover only part of a glued token ("khan younisOne").</param>
/// <param name="Surface">The text as written.</param>
/// <param name="Place">The resolved place.</param>
/// <param name="Confidence">Calibrated probability (0..1) that both the recognition and the resolution are right.</param>
public sealed record Toponym(TextSpan Span, string Surface, GazetteerEntry Place, double Confidence);
