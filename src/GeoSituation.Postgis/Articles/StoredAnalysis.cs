using GeoSituation.Core.Articles;

namespace GeoSituation.Postgis.Articles;

/// <summary>An analysis whose article row was just inserted: its id, and when its places were in the news.</summary>
/// <param name="SeenAt">The article's published time, or its ingest time when it has none.</param>
internal sealed record StoredAnalysis(ArticleAnalysis Analysis, long ArticleId, DateTime SeenAt);
