using System.Globalization;
using System.Text.Json;
using GeoSituation.Postgis.Articles;
using GeoSituation.Postgis.Features;
using GeoSituation.Postgis.Tiles;
using GeoSituation.Server.Features;
using GeoSituation.Server.Problems;

namespace GeoSituation.Server.Tiles;

/// <summary>
/// Mapbox Vector Tiles made by PostGIS: <c>/tiles/{layer}/{z}/{x}/{y}[.mvt|.pbf]</c>, composite sources
/// (<c>/tiles/places,displacement/...</c>), <c>?datetime=</c> filters, ETag revalidation; TileJSON 3.0.0 at
/// <c>/tiles/{layer}</c> and a tippecanoe-style <c>/tiles/{layer}/metadata.json</c> for GDAL.
/// </summary>
public static class TileEndpoints
{
    private const string TilesGroup = "/tiles";
    private const string TilePattern = "/{layer}/{z}/{x}/{y}";

    /// <summary>The tile route's template: the label /metrics counts tile requests under.</summary>
    internal const string TileRoute = TilesGroup + TilePattern;

    public const string MvtContentType = "application/vnd.mapbox-vector-tile";
    public const string Attribution = "© GeoNames (CC BY 4.0), Who's On First, Natural Earth (public domain), world-countries (ODbL)";

    /// <summary>The tile cache (GEOSITUATION_TILE_CACHE_MB, default 256), emptied of what each ingest changes.</summary>
    public static IServiceCollection AddTiles(this IServiceCollection services, IConfiguration configuration)
    {
        var megabytes = long.TryParse(configuration["GEOSITUATION_TILE_CACHE_MB"], out var mb) && mb >= 0 ? mb : 256;
        services.AddSingleton(sp =>
        {
            var cache = new TileCache(megabytes * 1024 * 1024);
            sp.GetRequiredService<ArticleStore>().ArticleStored += cache.InvalidateStoredHere;
            return cache;
        });
        services.AddSingleton<Raster.RenderCounter>();
        services.AddHostedService<TileInvalidationListener>();
        return services;
    }

    /// <summary>Cache hits answered before routing (<see cref="CachedTileShortcut"/>); place first: it counts its own requests in /metrics.</summary>
    public static WebApplication UseCachedTiles(this WebApplication app)
    {
        app.UseMiddleware<CachedTileShortcut>();
        return app;
    }

    public static WebApplication MapTiles(this WebApplication app)
    {
        var tiles = app.MapGroup(TilesGroup).WithTags("Tiles").AddEndpointFilter(FeatureEndpoints.RequireDatabase);
        tiles.MapGet("", Catalogue).WithName("TileSources").WithSummary("The tile sources and their TileJSON links");
        tiles.MapGet("/{layer}", TileJson).WithName("TileJson").WithSummary("TileJSON 3.0.0 for a tile source (or a comma-separated composite)");
        tiles.MapGet("/{layer}/metadata.json", Metadata).WithName("TileMetadata").WithSummary("tippecanoe-style metadata.json (for GDAL's MVT driver)");
        tiles.MapGet(TilePattern, Tile).WithName("Tile").WithSummary("A Mapbox Vector Tile (.mvt or .pbf suffix optional); ?datetime= and property filters (?event_type=battle) select features of data layers");
        return app;
    }

    /// <summary>Resolves "places" or "places,displacement" against the catalogue.</summary>
    private static bool TryResolve(string layer, out List<TileSourceInfo> sources, out IResult problem)
    {
        sources = [];
        problem = null!;
        foreach (var id in layer.Split(',', StringSplitOptions.TrimEntries))
        {
            if (TileCatalogue.Find(id) is not { } source || sources.Contains(source))
            {
                var shown = id.Length > 40 ? id[..40] + "..." : id;
                problem = Problem.NotFound("Unknown tile layer", $"No tile layer '{shown}' (or it is repeated). Layers: {string.Join(", ", TileCatalogue.All.Select(s => s.Id))}; combine them with commas.");
                return false;
            }
            sources.Add(source);
        }
        return true;
    }

    private static IResult Catalogue(HttpRequest request)
    {
        var root = OgcLinks.Base(request);
        return TypedResults.Json(new
        {
            tilesets = TileCatalogue.All.Select(s => new { id = s.Id, description = s.Description, tilejson = $"{root}/tiles/{s.Id}", layers = s.Layers.Select(l => l.Id) }),
        });
    }

    private static async Task<IResult> TileJson(string layer, HttpContext context, TileStore store, TileCache cache, CancellationToken cancellationToken)
    {
        var request = context.Request;
        context.Response.Headers.Vary = "Accept, User-Agent";
        if (AsksForATile(request)) return await Tile(layer, "0", "0", "0", context, store, cache, cancellationToken);
        if (!TryResolve(layer, out var sources, out var problem)) return problem;
        if (!TryParseDatetime(request, out _, out _, out _, out problem)) return problem;
        if (!TileFilters.TryParse(request.Query, sources, out _, out problem)) return problem;
        var root = OgcLinks.Base(request);
        var center = await CenterAsync(store, cancellationToken);
        // The tile URLs carry the request's datetime and filters, so a TileJSON link is a filtered layer.
        var query = string.Join("&", request.Query.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value.ToString())));
        if (query.Length > 0) query = "?" + query;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = OgcLinks.Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteString("tilejson", "3.0.0");
            writer.WriteString("name", layer);
            writer.WriteString("description", string.Join("; ", sources.Select(s => s.Description)));
            writer.WriteString("scheme", "xyz");
            writer.WriteString("format", "pbf");
            writer.WriteStartArray("tiles");
            writer.WriteStringValue($"{root}/tiles/{layer}/{{z}}/{{x}}/{{y}}.mvt{query}");
            writer.WriteEndArray();
            writer.WriteNumber("minzoom", sources.Min(s => s.MinZoom));
            writer.WriteNumber("maxzoom", sources.Max(s => s.MaxZoom));
            writer.WriteStartArray("bounds");
            foreach (var v in new[] { -180, -85.0511, 180, 85.0511 }) writer.WriteNumberValue(v);
            writer.WriteEndArray();
            writer.WriteStartArray("center");
            writer.WriteNumberValue(Math.Round(center.Lon, 5));
            writer.WriteNumberValue(Math.Round(center.Lat, 5));
            writer.WriteNumberValue(center.Zoom);
            writer.WriteEndArray();
            writer.WriteString("attribution", Attribution);
            writer.WritePropertyName("vector_layers");
            WriteVectorLayers(writer, sources);
            writer.WriteEndObject();
        }
        return TypedResults.Bytes(buffer.ToArray(), "application/json");
    }

    /// <summary>
    /// GDAL's MVT driver opens <c>MVT:http://host/tiles/places</c> by fetching that URL as one tile (only a URL ending in
    /// a zoom level is a tileset to it), asking <c>Accept: */*</c> with no User-Agent (or GDAL's own). It gets the zoom 0
    /// tile: every layer and field, in tile coordinates (GDAL cannot know the tile's place; <c>MVT:http://host/tiles/places/14</c>
    /// is the georeferenced tileset). Every other client (browsers, MapLibre, curl, QGIS) gets the TileJSON.
    /// </summary>
    private static bool AsksForATile(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        if (accept.Contains(MvtContentType, StringComparison.OrdinalIgnoreCase) || accept.Contains("application/x-protobuf", StringComparison.OrdinalIgnoreCase)) return true;
        var userAgent = request.Headers.UserAgent.ToString();
        return accept == "*/*" && (userAgent.Length == 0 || userAgent.StartsWith("GDAL/", StringComparison.Ordinal));
    }

    private static void WriteVectorLayers(Utf8JsonWriter writer, IEnumerable<TileSourceInfo> sources)
    {
        writer.WriteStartArray();
        foreach (var source in sources)
        {
            foreach (var vectorLayer in source.Layers)
            {
                writer.WriteStartObject();
                writer.WriteString("id", vectorLayer.Id);
                writer.WriteString("description", vectorLayer.Description);
                writer.WriteNumber("minzoom", source.MinZoom);
                writer.WriteNumber("maxzoom", source.MaxZoom);
                writer.WriteString("geometry_type", vectorLayer.GeometryType);
                writer.WriteStartObject("fields");
                foreach (var (name, type) in vectorLayer.Fields) writer.WriteString(name, type);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
        }
        writer.WriteEndArray();
    }

    private static async Task<IResult> Metadata(string layer, TileStore store, CancellationToken cancellationToken)
    {
        if (!TryResolve(layer, out var sources, out var problem)) return problem;
        var center = await CenterAsync(store, cancellationToken);
        using var layers = new MemoryStream();
        using (var writer = new Utf8JsonWriter(layers, new JsonWriterOptions { Encoder = OgcLinks.Encoder }))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("vector_layers");
            WriteVectorLayers(writer, sources);
            writer.WriteEndObject();
        }
        return TypedResults.Json(new
        {
            name = layer,
            format = "pbf",
            minzoom = sources.Min(s => s.MinZoom).ToString(CultureInfo.InvariantCulture),
            maxzoom = sources.Max(s => s.MaxZoom).ToString(CultureInfo.InvariantCulture),
            bounds = "-180,-85.0511,180,85.0511",
            center = string.Create(CultureInfo.InvariantCulture, $"{center.Lon:0.#####},{center.Lat:0.#####},{center.Zoom}"),
            attribution = Attribution,
            json = System.Text.Encoding.UTF8.GetString(layers.ToArray()),
        });
    }

    /// <summary>The most mentioned town or district at zoom 7, or Gaza before anything is ingested.</summary>
    private static async Task<(double Lon, double Lat, int Zoom)> CenterAsync(TileStore store, CancellationToken cancellationToken) =>
        await store.CenterAsync(cancellationToken) is { } center ? (center.Lon, center.Lat, 7) : (34.39, 31.42, 7);

    private static async Task<IResult> Tile(string layer, string z, string x, string y, HttpContext context, TileStore store, TileCache cache, CancellationToken cancellationToken)
    {
        if (!TryResolve(layer, out var sources, out var problem)) return problem;
        if (!TileAddress.TryParse(z, x, y, vectorSuffix: true, out var address))
        {
            return Problem.BadRequest("Invalid tile coordinates", $"{TileAddress.Rule}; the y may end in .mvt or .pbf.");
        }
        var (zoom, column, row) = (address.Z, address.X, address.Y);
        if (!TryParseDatetime(context.Request, out _, out var start, out var end, out problem)) return problem;
        if (!TileFilters.TryParse(context.Request.Query, sources, out var filters, out problem)) return problem;

        var datetime = TileQuery.CanonicalDatetime(start, end);
        var parts = new List<TileCache.CachedTile>(sources.Count);
        foreach (var source in sources)
        {
            // The cache keeps one tile per source and coordinates for each datetime and filter combination.
            var sourceFilters = filters[source.Id];
            // "" for the plain tile, the key CachedTileShortcut looks up.
            var variant = !source.TimeFiltered ? "" : sourceFilters is null ? datetime : datetime + "\n" + sourceFilters;
            parts.Add(await cache.GetOrMakeAsync(source, zoom, column, row, variant,
                () => store.GetTileAsync(source, zoom, column, row, start, end, sourceFilters, cancellationToken)));
        }
        var cacheResult = parts.All(p => p.Hits > 0) ? "hit" : "miss";
        if (parts.Count == 1)
        {
            await TileResponse.WriteAsync(context, parts[0], CacheControlOf(sources), cacheResult);
            return TypedResults.Empty;
        }
        // MVT layers are independent protobuf messages: concatenated tiles are one valid tile (compressed, if
        // the client asks, by the response compression middleware).
        var bytes = parts.SelectMany(p => p.Bytes).ToArray();
        var etag = TileCache.ETagOf(bytes);
        var headers = context.Response.Headers;
        headers.ETag = etag;
        headers["X-Tile-Cache"] = cacheResult;
        headers.CacheControl = CacheControlOf(sources);
        if (context.Request.Headers.IfNoneMatch.Contains(etag)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Bytes(bytes, MvtContentType);
    }

    /// <summary>Data layers change with every ingest: clients revalidate (cheap 304s). The basemap never changes while running.</summary>
    internal static string CacheControlOf(IEnumerable<TileSourceInfo> sources) => CacheControl(sources.Any(s => s.TimeFiltered));

    internal static string CacheControlOf(TileSourceInfo source) => CacheControl(source.TimeFiltered);

    private static string CacheControl(bool changesWithIngest) => changesWithIngest ? "public, no-cache" : "public, max-age=86400";

    private static bool TryParseDatetime(HttpRequest request, out string? text, out DateTimeOffset? start, out DateTimeOffset? end, out IResult problem)
    {
        text = null;
        start = end = null;
        problem = null!;
        if (!request.Query.TryGetValue("datetime", out var values)) return true;
        if (values.Count != 1)
        {
            problem = Problem.BadRequest("Invalid datetime", "datetime may be given once.");
            return false;
        }
        if (!Datetime.TryParse(values[0] ?? "", out start, out end, out var error))
        {
            problem = Problem.BadRequest("Invalid datetime", error);
            return false;
        }
        text = values[0];
        return true;
    }
}
