using System.Globalization;
using GeoSituation.Postgis.Tiles;
using GeoSituation.Server.Features;
using GeoSituation.Server.Problems;
using Npgsql;

namespace GeoSituation.Server.Tiles.Raster;

/// <summary>
/// <c>/tiles/{layer}/{z}/{x}/{y}.png</c>: 256 px PNG tiles drawn with SkiaSharp in the map's style, for clients
/// that only take XYZ raster (Leaflet, Grafana, QGIS XYZ). Layers combine with commas like vector tiles
/// (<c>/tiles/basemap,displacement,places/8/152/104.png</c>); <c>?datetime=</c> filters the data layers.
/// </summary>
/// <remarks>
/// PNGs live in the vector tile cache, as a variant of the tile key of their data source, so the byte budget,
/// the invalidation by tile range at commit (in this process and via LISTEN/NOTIFY) and the Clear after a lost
/// notification all apply to them unchanged.
/// </remarks>
public static class RasterTileEndpoints
{
    public const string PngContentType = "image/png";

    public static WebApplication MapRasterTiles(this WebApplication app)
    {
        // The literal ".png" segment makes this route more specific than the vector /tiles/{layer}/{z}/{x}/{y}.
        app.MapGet("/tiles/{layer}/{z}/{x}/{y}.png", Tile)
            .AddEndpointFilter(FeatureEndpoints.RequireDatabase)
            .WithTags("Tiles")
            .WithName("RasterTile")
            .WithSummary("A 256 px PNG tile drawn in the map's style (layers combine with commas); ?datetime= filters data layers");
        return app;
    }

    private static async Task<IResult> Tile(string layer, string z, string x, string y, HttpContext context,
        NpgsqlDataSource dataSource, TileCache cache, RenderCounter renders, CancellationToken cancellationToken)
    {
        var sources = new List<TileSourceInfo>();
        foreach (var id in layer.Split(',', StringSplitOptions.TrimEntries))
        {
            if (TileCatalogue.Find(id) is not { } source || sources.Contains(source))
            {
                var shown = id.Length > 40 ? id[..40] + "..." : id;
                return Problem.NotFound("Unknown tile layer",
                    $"No tile layer '{shown}' (or it is repeated). Layers: {string.Join(", ", TileCatalogue.All.Select(s => s.Id))}; combine them with commas.");
            }
            sources.Add(source);
        }
        if (!TileAddress.TryParse(z, x, y, vectorSuffix: false, out var address))
        {
            return Problem.BadRequest("Invalid tile coordinates", TileAddress.Rule + ".");
        }
        var (zoom, column, row) = (address.Z, address.X, address.Y);
        DateTimeOffset? start = null, end = null;
        var datetime = context.Request.Query["datetime"];
        if (datetime.Count > 1) return Problem.BadRequest("Invalid datetime", "datetime may be given once.");
        if (datetime.Count == 1 && !Datetime.TryParse(datetime[0] ?? "", out start, out end, out var error))
        {
            return Problem.BadRequest("Invalid datetime", error);
        }

        // Cached under a data source's key when there is one: an ingest drops every data source's tiles in the
        // same range, so the composite goes with them. The basemap alone never changes while the server runs.
        var owner = sources.FirstOrDefault(s => s.TimeFiltered) ?? sources[0];
        var timeFiltered = sources.Any(s => s.TimeFiltered);
        // Only the parameters the route declares (TileQuery.Parameters), canonical: a new spelling of the same
        // datetime, or a parameter the route ignores, is served from the cache instead of drawn again.
        var variant = "png:" + string.Join(',', sources.Select(s => s.Id)) + (timeFiltered ? "|" + TileQuery.CanonicalDatetime(start, end) : "");
        var tile = await cache.GetOrMakeAsync(owner, zoom, column, row, variant, () => renders.CountAsync(async () =>
        {
            var features = new Dictionary<string, List<RasterFeature>>(StringComparer.Ordinal);
            foreach (var source in sources)
            {
                features[source.Id] = await RasterTileStore.GetFeaturesAsync(dataSource, source, zoom, column, row, start, end, cancellationToken);
            }
            return TileRenderer.Render(features.Keys, zoom, features);
        }));

        var headers = context.Response.Headers;
        headers.ETag = tile.ETag;
        headers["X-Tile-Cache"] = tile.Hits > 0 ? "hit" : "miss";
        headers.CacheControl = timeFiltered ? "public, no-cache" : "public, max-age=86400";
        if (context.Request.Headers.IfNoneMatch.Contains(tile.ETag)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Bytes(tile.Bytes, PngContentType);
    }
}
