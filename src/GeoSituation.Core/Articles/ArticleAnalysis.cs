using GeoSituation.Core.Displacement;
using GeoSituation.Core.Events;
using GeoSituation.Core.Geoparsing;
using GeoSituation.Core.Text;

namespace GeoSituation.Core.Articles;

/// <summary>Everything the text pipeline found in one article; what gets stored in one transaction.</summary>
/// <param name="ContentHash">SHA-256 (hex) of the normalised text; the identity used to ingest an article once.</param>
public sealed record ArticleAnalysis(
    ArticleInput Article,
    string ContentHash,
    IReadOnlyList<TextSpan> Sentences,
    IReadOnlyList<Toponym> Toponyms,
    IReadOnlyList<DisplacementFigure> Displacement,
    IReadOnlyList<SituationEvent> Events);
