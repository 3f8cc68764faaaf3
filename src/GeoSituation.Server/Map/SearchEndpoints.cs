using GeoSituation.Core.Displacement;
using GeoSituation.Core.Gazetteer;
using GeoSituation.Server.Database;
using Npgsql;

namespace GeoSituation.Server.Map;

/// <summary>
/// <c>GET /search?q=&amp;limit=</c>: places for the map's search box, from the offline gazetteer, with the
/// places the news has named (stored, with mentions) ranked first.
/// </summary>
internal static class SearchEndpoints
{
    private const int MaxLimit = 50;

    public static void MapSearch(this IEndpointRouteBuilder app) =>
        app.MapGet("/search", Search)
            .WithName("SearchPlaces")
            .WithSummary("Search the gazetteer by name (prefix, then close misspellings), biggest places first")
            .WithTags("Map");

    internal sealed record SearchResult(
        long Id, string Name, string Kind, string Country, string Admin1, double Lat, double Lon, long Population, double[]? Bbox,
        bool Stored, long Mentions, long Articles);

    private static readonly Lazy<string> StoredPlacesSql = new(() =>
    {
        using var stream = typeof(SearchEndpoints).Assembly.GetManifestResourceStream("GeoSituation.Server.Map.stored_places.sql")
            ?? throw new InvalidOperationException("Map/stored_places.sql is not embedded in the server assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    internal sealed record SearchResponse(string Query, IReadOnlyList<SearchResult> Results);

    private static async Task<IResult> Search(
        Gazetteer gazetteer, DatabaseReadiness readiness, HttpContext http, string? q, string? limit, CancellationToken cancellationToken)
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

        // More candidates than asked for, so stored places further down the gazetteer's order can move up.
        var hits = gazetteer.Search(q, Math.Min(MaxLimit, count * 3));
        // The gazetteer answers while the database is still starting; stored places join in once it is up.
        var stored = readiness.IsReady
            ? await StoredAsync(http.RequestServices.GetRequiredService<NpgsqlDataSource>(), hits, cancellationToken)
            : [];
        var results = hits
            .Select((e, rank) => (Entry: e, Rank: rank, Counts: stored.GetValueOrDefault(e.Id)))
            .OrderByDescending(h => h.Counts.Mentions > 0)
            .ThenBy(h => h.Rank)
            .Take(count)
            .Select(h =>
            {
                // Areas carry their outline: the map fits it instead of guessing a zoom.
                var e = h.Entry;
                var envelope = e.Boundary?.EnvelopeInternal;
                return new SearchResult(
                    e.Id, e.Name, WireNames.Of(e.Kind), e.CountryCode, e.Admin1Name, e.Latitude, e.Longitude, e.Population,
                    envelope is null ? null : [envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY],
                    h.Counts.Mentions > 0, h.Counts.Mentions, h.Counts.Articles);
            })
            .ToList();
        return TypedResults.Ok(new SearchResponse(q, results));
    }

    private static async Task<Dictionary<long, (long Mentions, long Articles)>> StoredAsync(
        NpgsqlDataSource dataSource, IReadOnlyList<GazetteerEntry> hits, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<long, (long, long)>();
        if (hits.Count == 0) return counts;
        await using var command = dataSource.CreateCommand(StoredPlacesSql.Value);
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. hits.Select(h => h.Id)] });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetInt64(0)] = (Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt64(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture));
        }
        return counts;
    }
}
