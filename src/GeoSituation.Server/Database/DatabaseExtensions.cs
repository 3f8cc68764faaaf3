using GeoSituation.Core.Articles;
using GeoSituation.Core.Gazetteer;
using GeoSituation.Postgis.Articles;
using GeoSituation.Postgis.Database;
using GeoSituation.Postgis.Features;
using GeoSituation.Postgis.Ingest;
using GeoSituation.Postgis.Tiles;
using GeoSituation.Server.Hosting;

namespace GeoSituation.Server.Database;

/// <summary>Registers the database (embedded or external), the one NpgsqlDataSource, the stores and the ingest pipeline.</summary>
public static class DatabaseExtensions
{
    public static IServiceCollection AddGeoDatabase(this IServiceCollection services)
    {
        services.AddSingleton<DatabaseHost>();
        services.AddSingleton<DatabaseReadiness>();
        // No logger factory for Npgsql: its error logs carry SQL text and stack traces, which must not reach logs.
        services.AddSingleton(sp => GeoDataSource.Create(sp.GetRequiredService<DatabaseHost>().ConnectionString));
        services.AddSingleton<ArticleStore>();
        services.AddSingleton<FeatureStore>();
        services.AddSingleton<TileStore>();
        services.AddGazetteer();
        services.AddSingleton(sp => new ArticleAnalyzer(sp.GetRequiredService<Gazetteer>()));
        services.AddSingleton<ArticleIngestor>();
        // First hosted service: the database is up before anything else starts.
        services.AddHostedService<DatabaseStartup>();
        services.AddHostedService<EmbeddedClusterWatchdog>();
        return services;
    }
}
