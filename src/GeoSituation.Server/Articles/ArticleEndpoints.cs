using System.Globalization;
using GeoSituation.Core.Articles;
using GeoSituation.Core.Displacement;
using GeoSituation.Core.Events;
using GeoSituation.Postgis.Articles;
using GeoSituation.Postgis.Ingest;
using GeoSituation.Server.Features;
using GeoSituation.Server.Hosting;
using GeoSituation.Server.Problems;

namespace GeoSituation.Server.Articles;

/// <summary><c>POST /articles</c> (API key), <c>GET /articles</c> (paged, with total) and <c>GET /articles/{id}</c>.</summary>
public static class ArticleEndpoints
{
    private const int MaxPageSize = 1000;

    public static IServiceCollection AddArticles(this IServiceCollection services)
    {
        services.AddSingleton<ApiKey>();
        return services;
    }

    public static WebApplication MapArticles(this WebApplication app)
    {
        // Created now so the key's location is printed at start, not at the first write.
        app.Services.GetRequiredService<ApiKey>();
        var articles = app.MapGroup("/articles").WithTags("Articles").AddEndpointFilter(FeatureEndpoints.RequireDatabase);
        articles.MapPost("", PostAsync).WithName("PostArticle")
            .WithSummary("Ingest an article (JSON {title,text,url,source,published} or text/plain); Authorization: Bearer <key>; 201 new, 200 duplicate");
        articles.MapGet("", ListAsync).WithName("ListArticles").WithSummary("Articles, newest first: ?limit= (<= 1000) &offset=, with total");
        articles.MapGet("/{id}", GetAsync).WithName("GetArticle").WithSummary("One article with its mentions, displacement figures and events");
        return app;
    }

    private static async Task<IResult> PostAsync(HttpContext context, ApiKey apiKey, ServerSettings settings, ArticleIngestor ingestor, CancellationToken cancellationToken)
    {
        if (apiKey.Refuse(context) is { } refusal) return refusal;
        var (article, status, error) = await ArticleBody.ReadAsync(context.Request, settings.MaxArticleBytes, cancellationToken);
        if (article is null) return TypedResults.Problem(statusCode: status, title: "Invalid article", detail: error);

        var (result, analysis) = await ingestor.IngestAsync(article, cancellationToken);
        var body = Found(result, analysis);
        var location = $"{OgcLinks.Base(context.Request)}/articles/{result.ArticleId}";
        if (!result.Created) return TypedResults.Json(body, JsonDefaults.SnakeCase);
        context.Response.Headers.Location = location;
        return TypedResults.Json(body, JsonDefaults.SnakeCase, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>What the pipeline found, as the POST answer: places with coordinates, figures with their place.</summary>
    private static object Found(IngestResult result, ArticleAnalysis analysis) => new
    {
        id = result.ArticleId,
        created = result.Created,
        content_hash = analysis.ContentHash,
        title = analysis.Article.Title,
        mentions = analysis.Toponyms.Count,
        places = analysis.Toponyms.GroupBy(t => t.Place.Id).Select(g => new
        {
            name = g.First().Place.Name,
            geonameid = g.Key > 0 ? g.Key : (long?)null,
            place_id = g.Key,
            country = g.First().Place.CountryCode,
            lat = g.First().Place.Latitude,
            lon = g.First().Place.Longitude,
            mentions = g.Count(),
            surfaces = g.Select(t => t.Surface).Distinct().ToArray(),
            confidence = g.Max(t => t.Confidence),
        }).ToArray(),
        displacement = AnalysisJson.Figures(analysis),
        events = AnalysisJson.Events(analysis),
    };

    private static async Task<IResult> ListAsync(HttpRequest request, ArticleStore store, CancellationToken cancellationToken)
    {
        var limit = 50;
        long offset = 0;
        if (request.Query.TryGetValue("limit", out var limitValues)
            && (limitValues.Count != 1 || !int.TryParse(limitValues[0], NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > MaxPageSize))
        {
            return Problem.BadRequest("Invalid limit", $"limit must be an integer from 1 to {MaxPageSize}.");
        }
        if (request.Query.TryGetValue("offset", out var offsetValues)
            && (offsetValues.Count != 1 || !long.TryParse(offsetValues[0], NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset > int.MaxValue))
        {
            return Problem.BadRequest("Invalid offset", "offset must be a non-negative integer.");
        }
        var page = await store.ListAsync(limit, offset, cancellationToken);
        var root = OgcLinks.Base(request);
        var links = new List<object> { new { rel = "self", href = $"{root}/articles?limit={limit}&offset={offset}" } };
        if (offset + page.Articles.Count < page.Total) links.Add(new { rel = "next", href = $"{root}/articles?limit={limit}&offset={offset + limit}" });
        if (offset > 0) links.Add(new { rel = "prev", href = $"{root}/articles?limit={limit}&offset={Math.Max(0, offset - limit)}" });
        return TypedResults.Json(new { total = page.Total, limit, offset, articles = page.Articles, links }, JsonDefaults.SnakeCase);
    }

    private static async Task<IResult> GetAsync(string id, ArticleStore store, CancellationToken cancellationToken)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var articleId))
        {
            return Problem.NotFound("Article not found", "Article ids are positive integers.");
        }
        if (await store.GetAsync(articleId, cancellationToken) is not { } detail) return Problem.NotFound("Article not found", $"No article {articleId}.");
        return TypedResults.Json(new
        {
            detail.Article.Id,
            detail.Article.Title,
            detail.Article.Url,
            detail.Article.Source,
            detail.Article.Published,
            detail.Article.IngestedAt,
            detail.Article.ContentHash,
            detail.Text,
            detail.Mentions,
            detail.Displacement,
            detail.Events,
        }, JsonDefaults.SnakeCase);
    }
}
