using System.Globalization;
using System.Text.Json;
using GeoSituation.Postgis.Features;
using GeoSituation.Server.Database;
using GeoSituation.Server.Problems;
using Microsoft.Net.Http.Headers;

namespace GeoSituation.Server.Features;

/// <summary>
/// OGC API - Features Part 1 (Core, GeoJSON, OpenAPI 3.0) plus Part 3 queryables as query parameters:
/// the landing page, /conformance, /collections, items with bbox/datetime/limit/property filters and keyset paging.
/// </summary>
public static class FeatureEndpoints
{
    private static readonly string[] ConformanceClasses =
    [
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
        "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
        "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters",
    ];

    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.AddSingleton<ExtentCache>();
        services.AddSingleton<MatchedCounts>();
        return services;
    }

    public static WebApplication MapFeatures(this WebApplication app)
    {
        app.MapGet("/", Landing).WithName("Landing").WithSummary("Landing page: JSON for API clients (Accept: application/json or ?f=json), the map for browsers").WithTags("Features");
        app.MapGet("/conformance", Conformance).WithName("Conformance").WithSummary("Conformance classes implemented").WithTags("Features");
        var collections = app.MapGroup("/collections").WithTags("Features").AddEndpointFilter(RequireDatabase);
        collections.MapGet("", Collections).WithName("Collections").WithSummary("The feature collections");
        collections.MapGet("/{collectionId}", Collection).WithName("Collection").WithSummary("One collection with its extent");
        collections.MapGet("/{collectionId}/queryables", Queryables).WithName("Queryables").WithSummary("Properties usable as filters (JSON Schema)");
        collections.MapGet("/{collectionId}/schema", Schema).WithName("Schema").WithSummary("The collection's properties as a GML application schema (XSD), for GDAL/QGIS field types");
        collections.MapGet("/{collectionId}/items", Items).WithName("Items").WithSummary("Features as GeoJSON, or CSV with f=csv (every matching row unless a limit is given; hxl=false drops the hashtag row; schema=acled: events in ACLED's columns): bbox, datetime, limit (<= 10000), property=value, keyset paging via next/prev links");
        collections.MapGet("/{collectionId}/items/{featureId}", Item).WithName("Item").WithSummary("One feature as GeoJSON");
        return app;
    }

    /// <summary>Data endpoints answer 503 with Retry-After until the schema is migrated.</summary>
    internal static async ValueTask<object?> RequireDatabase(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var readiness = context.HttpContext.RequestServices.GetRequiredService<DatabaseReadiness>();
        return readiness.IsReady ? await next(context) : Problem.Unavailable(context.HttpContext);
    }

    private static bool WantsJson(HttpRequest request)
    {
        var format = request.Query["f"].ToString();
        if (format.Length > 0) return format is "json" or "application/json";
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0) return true;
        // Browsers send text/html first; API clients (GDAL, QGIS, curl -H) ask for JSON.
        var html = accept.Where(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)).Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        var json = accept.Where(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || a.MediaType.Equals("application/geo+json", StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        var any = accept.Any(a => a.MediaType.Equals("*/*", StringComparison.Ordinal));
        return json > 0 ? json >= html : !(html > 0) && any;
    }

    private static IResult Landing(HttpContext context, IWebHostEnvironment environment)
    {
        var request = context.Request;
        var format = request.Query["f"].ToString();
        if (format.Length > 0 && format is not ("json" or "application/json" or "html" or "text/html"))
        {
            return Problem.BadRequest("Unsupported format", "f must be json or html.");
        }
        if (!WantsJson(request))
        {
            var page = environment.WebRootFileProvider.GetFileInfo("index.html");
            if (page.Exists && page.PhysicalPath is not null) return TypedResults.PhysicalFile(page.PhysicalPath, "text/html; charset=utf-8");
        }
        var root = OgcLinks.Base(request);
        return Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("title", "GeoSituation");
            writer.WriteString("description", "Places, displacement figures and events found in news articles, as OGC API Features, vector tiles and a map.");
            writer.WriteStartArray("links");
            OgcLinks.Write(writer, root + "/?f=json", "self", OgcLinks.Json, "This document");
            OgcLinks.Write(writer, root + "/?f=html", "alternate", OgcLinks.Html, "The map");
            OgcLinks.Write(writer, root + "/openapi/v1.json", "service-desc", OgcLinks.OpenApi, "OpenAPI 3.0 definition");
            OgcLinks.Write(writer, root + "/embed/doc", "service-doc", OgcLinks.Html, "How to use the layers");
            OgcLinks.Write(writer, root + "/conformance", "conformance", OgcLinks.Json, "Conformance classes");
            OgcLinks.Write(writer, root + "/collections", "data", OgcLinks.Json, "Feature collections");
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static IResult Conformance() => Json(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartArray("conformsTo");
        foreach (var c in ConformanceClasses) writer.WriteStringValue(c);
        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private static async Task<IResult> Collections(HttpRequest request, ExtentCache extents, CancellationToken cancellationToken)
    {
        var all = new List<(FeatureCollectionInfo, CollectionExtent)>();
        foreach (var collection in FeatureCatalogue.All) all.Add((collection, await extents.GetAsync(collection, cancellationToken)));
        var root = OgcLinks.Base(request);
        return Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("links");
            OgcLinks.Write(writer, root + "/collections", "self", OgcLinks.Json, "Feature collections");
            writer.WriteEndArray();
            writer.WriteStartArray("collections");
            foreach (var (collection, extent) in all) WriteCollection(writer, root, collection, extent);
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static async Task<IResult> Collection(string collectionId, HttpRequest request, ExtentCache extents, CancellationToken cancellationToken)
    {
        if (FeatureCatalogue.Find(collectionId) is not { } collection) return UnknownCollection(collectionId);
        var extent = await extents.GetAsync(collection, cancellationToken);
        var root = OgcLinks.Base(request);
        return Json(writer => WriteCollection(writer, root, collection, extent));
    }

    private static void WriteCollection(Utf8JsonWriter writer, string root, FeatureCollectionInfo collection, CollectionExtent extent)
    {
        var self = $"{root}/collections/{collection.Id}";
        writer.WriteStartObject();
        writer.WriteString("id", collection.Id);
        writer.WriteString("title", collection.Title);
        writer.WriteString("description", collection.Description);
        writer.WriteString("itemType", "feature");
        writer.WriteStartArray("crs");
        writer.WriteStringValue("http://www.opengis.net/def/crs/OGC/1.3/CRS84");
        writer.WriteEndArray();
        writer.WriteStartObject("extent");
        if (collection.GeometryType is not null)
        {
            writer.WriteStartObject("spatial");
            writer.WriteStartArray("bbox");
            writer.WriteStartArray();
            var bbox = extent.Bbox ?? new BoundingBox(-180, -90, 180, 90);
            writer.WriteNumberValue(bbox.MinLon);
            writer.WriteNumberValue(bbox.MinLat);
            writer.WriteNumberValue(bbox.MaxLon);
            writer.WriteNumberValue(bbox.MaxLat);
            writer.WriteEndArray();
            writer.WriteEndArray();
            writer.WriteString("crs", "http://www.opengis.net/def/crs/OGC/1.3/CRS84");
            writer.WriteEndObject();
        }
        writer.WriteStartObject("temporal");
        writer.WriteStartArray("interval");
        writer.WriteStartArray();
        WriteTime(writer, extent.Start);
        WriteTime(writer, extent.End);
        writer.WriteEndArray();
        writer.WriteEndArray();
        writer.WriteString("trs", "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartArray("links");
        OgcLinks.Write(writer, self, "self", OgcLinks.Json, collection.Title);
        OgcLinks.Write(writer, self + "/items", "items", OgcLinks.GeoJson, collection.Title + " as GeoJSON");
        OgcLinks.Write(writer, self + "/queryables", "http://www.opengis.net/def/rel/ogc/1.0/queryables", OgcLinks.Schema, "Queryables");
        // Spelled describedBy, as GDAL's OAPIF driver looks for it (link relations compare case-insensitively, RFC 8288).
        OgcLinks.Write(writer, self + "/schema", "describedBy", GmlSchema.ContentType, "Field types (GML application schema)");
        if (collection.GeometryType is not null && collection.Id != "articles")
        {
            OgcLinks.Write(writer, $"{root}/tiles/{collection.Id}", "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector", "application/json", "Vector tiles (TileJSON)");
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter writer, DateTimeOffset? time)
    {
        if (time is { } t) writer.WriteStringValue(t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        else writer.WriteNullValue();
    }

    private static IResult Schema(string collectionId, HttpRequest request)
    {
        if (FeatureCatalogue.Find(collectionId) is not { } collection) return UnknownCollection(collectionId);
        return TypedResults.Text(GmlSchema.For(collection, $"{OgcLinks.Base(request)}/collections/{collection.Id}/schema"), GmlSchema.ContentType, System.Text.Encoding.UTF8);
    }

    private static IResult Queryables(string collectionId, HttpRequest request)
    {
        if (FeatureCatalogue.Find(collectionId) is not { } collection) return UnknownCollection(collectionId);
        var root = OgcLinks.Base(request);
        return Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", "https://json-schema.org/draft/2020-12/schema");
            writer.WriteString("$id", $"{root}/collections/{collection.Id}/queryables");
            writer.WriteString("type", "object");
            writer.WriteString("title", collection.Title);
            writer.WriteStartObject("properties");
            foreach (var property in collection.Properties)
            {
                writer.WriteStartObject(property.Name);
                writer.WriteString("type", property.Type);
                if (property.Format is { } format) writer.WriteString("format", format);
                if (property.IntegerText) writer.WriteString("pattern", "^-?[0-9]+$");
                writer.WriteString("description", property.Description);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
            writer.WriteBoolean("additionalProperties", false);
            writer.WriteEndObject();
        }, OgcLinks.Schema);
    }

    private static IResult Items(string collectionId, HttpContext context, FeatureStore store, MatchedCounts counts)
    {
        if (FeatureCatalogue.Find(collectionId) is not { } collection) return UnknownCollection(collectionId);
        if (!ItemsRequest.TryParse(collection, context.Request.Query, out var query, out var error)) return Problem.BadRequest("Invalid query parameter", error);
        if (!ItemsRequest.TryParseSchema(collection, context.Request.Query, out var schema, out error)) return Problem.BadRequest("Invalid query parameter", error);
        if (!ItemsRequest.TryParseHxl(context.Request.Query, out var hashtags, out error)) return Problem.BadRequest("Invalid query parameter", error);
        // ?f=csv: every matching row (a page only when a limit is given, or a previous page with `before`), with an
        // HXL hashtag row or in ACLED's layout (Export/CsvItemsResult). A CSV is a file: a spreadsheet or GDAL follows
        // no next link, and one page of ten rows silently looked like the whole answer.
        if (context.Request.Query["f"] == "csv")
        {
            var whole = !context.Request.Query.ContainsKey("limit") && query.Before is null;
            return new Export.CsvItemsResult(whole ? query with { Limit = ItemsRequest.AllRows } : query, schema, hashtags, store);
        }
        return new FeatureCollectionResult(query, store, counts);
    }

    private static async Task<IResult> Item(string collectionId, string featureId, HttpRequest request, FeatureStore store, CancellationToken cancellationToken)
    {
        if (FeatureCatalogue.Find(collectionId) is not { } collection) return UnknownCollection(collectionId);
        if (!long.TryParse(featureId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var fid))
        {
            return Problem.NotFound("Feature not found", $"Feature ids in '{collection.Id}' are integers.");
        }
        if (await store.GetAsync(collection, fid, cancellationToken) is not { } feature)
        {
            return Problem.NotFound("Feature not found", $"No feature {fid} in '{collection.Id}'.");
        }
        var root = OgcLinks.Base(request);
        return Json(writer =>
        {
            // The stored Feature plus its links: re-open the object PostgreSQL wrote.
            using var document = JsonDocument.Parse(feature.Json);
            writer.WriteStartObject();
            foreach (var member in document.RootElement.EnumerateObject()) member.WriteTo(writer);
            writer.WriteStartArray("links");
            OgcLinks.Write(writer, $"{root}/collections/{collection.Id}/items/{fid}", "self", OgcLinks.GeoJson, "This feature");
            OgcLinks.Write(writer, $"{root}/collections/{collection.Id}", "collection", OgcLinks.Json, collection.Title);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }, OgcLinks.GeoJson);
    }

    private static IResult UnknownCollection(string id) =>
        Problem.NotFound("Unknown collection", $"No collection '{(id.Length > 40 ? id[..40] + "..." : id)}'. Collections: {string.Join(", ", FeatureCatalogue.All.Select(c => c.Id))}.");

    private static IResult Json(Action<Utf8JsonWriter> write, string contentType = OgcLinks.Json)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = OgcLinks.Encoder })) write(writer);
        return TypedResults.Bytes(buffer.ToArray(), contentType);
    }
}
