using System.Text.Encodings.Web;
using System.Text.RegularExpressions;

namespace GeoSituation.Server.Map;

/// <summary>
/// <c>GET /style.json</c>: the MapLibre style of the map page and the embed, with absolute URLs to this
/// server's basemap, data tiles and glyphs. <c>?datetime=</c> is handed on to every data tile URL.
/// </summary>
internal static partial class StyleEndpoints
{
    // The template lives beside this file (Map/style.json) as an embedded resource so the style is
    // read and edited as a style, not as C# string building.
    private static readonly Lazy<string> Template = new(() =>
    {
        using var stream = typeof(StyleEndpoints).Assembly.GetManifestResourceStream("GeoSituation.Server.Map.style.json")
            ?? throw new InvalidOperationException("Map/style.json is not embedded in the server assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static void MapStyle(this IEndpointRouteBuilder app) =>
        app.MapGet("/style.json", GetStyle)
            .WithName("GetStyle")
            .WithSummary("MapLibre style: offline basemap and the situation layers")
            .WithTags("Map");

    private static IResult GetStyle(HttpRequest request, string? datetime = null)
    {
        if (datetime is not null && !DatetimePattern().IsMatch(datetime))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid datetime",
                detail: "Use an RFC 3339 date or date-time, or an interval such as 2024-02-01/2024-02-29 or ../2024-02-29.");
        }

        // MapLibre fetches tiles from a worker, where relative URLs do not resolve: the style carries
        // absolute ones, built from GEOSITUATION_PUBLIC_URL or the host the browser used to reach us.
        var origin = Features.OgcLinks.Base(request);
        var query = datetime is null ? "" : "?datetime=" + Uri.EscapeDataString(datetime);
        var json = Template.Value
            .Replace("__ORIGIN__", JavaScriptEncoder.Default.Encode(origin), StringComparison.Ordinal)
            .Replace("__QUERY__", query, StringComparison.Ordinal);
        return TypedResults.Text(json, "application/json");
    }

    // Instants and intervals as OGC API Features accepts them; the tile endpoints parse them fully.
    [GeneratedRegex(@"^(\.\.|[0-9TZ:.+\-]{4,35})(/(\.\.|[0-9TZ:.+\-]{4,35}))?$")]
    private static partial Regex DatetimePattern();
}
