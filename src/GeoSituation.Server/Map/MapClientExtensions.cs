using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using GeoSituation.Server.Hosting;

namespace GeoSituation.Server.Map;

/// <summary>Wires the map client: compression, its static files and the small endpoints it needs.</summary>
public static class MapClientExtensions
{
    // Everything the map page and GIS clients fetch that compresses well. Vector tiles and glyph
    // PBFs are protobuf, mostly strings and varints: gzip takes 40-70 % off them.
    private static readonly string[] CompressedMimeTypes =
    [
        "application/geo+json",
        "application/problem+json",
        "application/vnd.mapbox-vector-tile",
        "application/x-protobuf",
        "application/vnd.oai.openapi+json",
        "image/svg+xml",
    ];

    /// <summary>Registers response compression (Brotli, then gzip) for the map page's budget on a slow link.</summary>
    public static IServiceCollection AddMapClient(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(CompressedMimeTypes);
        });
        // Optimal rather than Fastest: the largest response, MapLibre (1 MB raw), goes out at about 275 KB
        // (Brotli or gzip) for some 20-50 ms of CPU, and the first load stays near 500 KB of its 600 KB budget.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        // The search box needs the gazetteer; the ingest side registers the same singleton when it
        // comes first, and TryAdd keeps whichever was registered first.
        services.AddGazetteer();
        return services;
    }

    /// <summary>
    /// Compresses responses, serves wwwroot (the map page, vendored MapLibre, glyphs) and maps
    /// <c>/style.json</c>, <c>/fonts/{fontstack}/{range}.pbf</c>, <c>/embed</c>, <c>/embed/doc</c>, <c>/search</c>, <c>/map/governorates</c> and <c>POST /analyze</c>.
    /// </summary>
    public static WebApplication MapMapClient(this WebApplication app)
    {
        app.UseResponseCompression();
        // "/" serves index.html unless an endpoint claims "/" first (the OGC landing page for JSON clients).
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapGlyphs();
        app.MapStyle();
        app.MapEmbed();
        app.MapSearch();
        app.MapGovernorates();
        app.MapAnalyze();
        return app;
    }
}
