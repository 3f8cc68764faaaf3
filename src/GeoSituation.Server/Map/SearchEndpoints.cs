using GeoSituation.Core.Gazetteer;

namespace GeoSituation.Server.Map;

/// <summary><c>GET /search?q=&amp;limit=</c>: places for the map's search box, from the offline gazetteer.</summary>
internal static class SearchEndpoints
{
    private const int MaxLimit = 50;

    public static void MapSearch(this IEndpointRouteBuilder app) =>
        app.MapGet("/search", Search)
            .WithName("SearchPlaces")
            .WithSummary("Search the gazetteer by name (prefix, then close misspellings), biggest places first")
            .WithTags("Map");

    internal sealed record SearchResult(
        long Id, string Name, string Kind, string Country, string Admin1, double Lat, double Lon, long Population, double[]? Bbox);

    internal sealed record SearchResponse(string Query, IReadOnlyList<SearchResult> Results);

    private static IResult Search(Gazetteer gazetteer, string? q, string? limit)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Length > 200)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Missing or too long query",
                detail: "Give the place name to look for as ?q= (1 to 200 characters).");
        }
        // Parsed here rather than bound as int? so a bad value gets the same problem+json as the rest.
        var count = 10;
        if (limit is not null && (!int.TryParse(limit, out count) || count is < 1 or > MaxLimit))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid limit",
                detail: $"limit must be between 1 and {MaxLimit}.");
        }

        var results = gazetteer.Search(q, count).Select(e =>
        {
            // Areas carry their outline: the map fits it instead of guessing a zoom.
            var envelope = e.Boundary?.EnvelopeInternal;
            return new SearchResult(
                e.Id, e.Name, KindName(e.Kind), e.CountryCode, e.Admin1Name, e.Latitude, e.Longitude, e.Population,
                envelope is null ? null : [envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY]);
        }).ToList();
        return TypedResults.Ok(new SearchResponse(q, results));
    }

    private static string KindName(PlaceKind kind) => kind switch
    {
        PlaceKind.City => "city",
        PlaceKind.AdminArea => "admin area",
        PlaceKind.Region => "region",
        PlaceKind.Country => "country",
        _ => "place",
    };
}
