using GeoSituation.Core.Text;

namespace GeoSituation.Core.Geoparsing;

/// <summary>A gazetteer match with its recognition features and the current model's probability.</summary>
public sealed record RecognitionExample(TextSpan Span, string Surface, double[] Features, double Probability);
