using GeoSituation.Server.Api;
using GeoSituation.Server.Articles;
using GeoSituation.Server.Cors;
using GeoSituation.Server.Database;
using GeoSituation.Server.Docs;
using GeoSituation.Server.Features;
using GeoSituation.Server.Health;
using GeoSituation.Server.Hosting;
using GeoSituation.Server.Map;
using GeoSituation.Server.Problems;
using GeoSituation.Server.Reliability;
using GeoSituation.Server.Security;
using GeoSituation.Server.Tiles;
using GeoSituation.Server.Tiles.Raster;

namespace GeoSituation.Server;

/// <summary>The whole server, feature by feature; used by Program.cs, `geosituation serve` and the tests.</summary>
public static class ServerApp
{
    /// <summary>Builds the app. Settings come from the environment or the command line (--GEOSITUATION_DATA=..., --urls=...).</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = HostingExtensions.CreateGeoSituationBuilder(args);
        builder.AddGeoSituationHosting();
        builder.AddStructuredLogging();
        builder.AddGeoSecurity();
        builder.AddSendBufferLimit();
        builder.Services.AddGeoProblems();
        builder.Services.AddReadCors();
        builder.Services.AddApiDescription();
        builder.Services.AddGeoDatabase();
        builder.Services.AddGeoReliability();
        builder.Services.AddFeatures();
        builder.Services.AddTiles(builder.Configuration);
        builder.Services.AddArticles();
        builder.Services.AddMapClient();

        var app = builder.Build();
        app.UseTrustedProxies();
        app.UseCachedTiles();
        app.UseGeoMetrics();
        app.UseQueryLengthLimit();
        app.UseHeadAsGet();
        // Explicit, so that routing runs after the cache-hit shortcut (WebApplication would otherwise put it first).
        app.UseRouting();
        app.UseGeoProblems();
        // Before the key check, so that a 401 or 429 carries the CORS headers: a page on another origin sees the status.
        app.UseReadCors();
        app.UseGeoSecurity();
        app.UseExpensiveRouteLimits();
        app.MapMapClient();
        app.MapHealth();
        app.MapGeoMetrics();
        app.MapFeatures();
        app.MapTiles();
        app.MapRasterTiles();
        app.MapArticles();
        app.MapApiDescription();
        app.MapApiReference();
        return app;
    }
}
