using GeoSituation.Core.Gazetteer;
using GeoSituation.Core.Text;

namespace GeoSituation.Core.Geoparsing;

/// <summary>One reading of a toponym (a gazetteer entry it may mean) with its resolution features.</summary>
public sealed record ResolutionReading(GazetteerEntry Entry, double[] Features);

/// <summary>An accepted toponym and all its readings, as the resolver saw them in its last pass.</summary>
public sealed record ResolutionExample(TextSpan Span, string Surface, double RecognitionProbability, IReadOnlyList<ResolutionReading> Readings);
