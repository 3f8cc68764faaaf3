using GeoSituation.Core.Articles;
using GeoSituation.Core.Displacement;
using GeoSituation.Core.Events;
using GeoSituation.Postgis.Articles;
using GeoSituation.Server.Articles;
using GeoSituation.Server.Hosting;

namespace GeoSituation.Server.Map;

/// <summary>
/// <c>POST /analyze</c> (API key): runs the text pipeline on an article without storing it, so the map's
/// ingest form can show the places it found, highlighted in the text, before the user confirms.
/// Same body as <c>POST /articles</c>; the answer has character offsets like the CLI's <c>analyze</c>.
/// </summary>
internal static class AnalyzeEndpoints
{
    public static void MapAnalyze(this IEndpointRouteBuilder app) =>
        app.MapPost("/analyze", AnalyzeAsync)
            .WithName("AnalyzeArticle")
            .WithSummary("Preview what an article's text yields (places with offsets, displacement, events) without storing it; Authorization: Bearer <key>")
            .WithTags("Map");

    private static async Task<IResult> AnalyzeAsync(
        HttpContext context, ApiKey apiKey, ServerSettings settings, ArticleAnalyzer analyzer, CancellationToken cancellationToken)
    {
        // The preview costs as much CPU as an ingest, so it is behind the same key.
        if (apiKey.Refuse(context) is { } refusal) return refusal;
        var (article, status, error) = await ArticleBody.ReadAsync(context.Request, settings.MaxArticleBytes, cancellationToken);
        if (article is null) return TypedResults.Problem(statusCode: status, title: "Invalid article", detail: error);

        // The request timeout cancels the token; analysis checks it between its stages.
        var analysis = analyzer.Analyze(article, cancellationToken);
        return TypedResults.Json(new
        {
            content_hash = analysis.ContentHash,
            toponyms = analysis.Toponyms.Select(t => new
            {
                start = t.Span.Start,
                end = t.Span.End,
                surface = t.Surface,
                name = t.Place.Name,
                place_id = t.Place.Id,
                geonameid = t.Place.Id > 0 ? t.Place.Id : (long?)null,
                country = t.Place.CountryCode,
                lat = t.Place.Latitude,
                lon = t.Place.Longitude,
                confidence = t.Confidence,
            }),
            displacement = AnalysisJson.Figures(analysis),
            events = AnalysisJson.Events(analysis),
        }, JsonDefaults.SnakeCase);
    }
}
