using GeoSituation.Server.Reliability.Metrics;

namespace GeoSituation.Server.Reliability;

/// <summary>The database monitor (pool hygiene across outages), /metrics and the limits on what one client can hold.</summary>
public static class ReliabilityExtensions
{
    public static IServiceCollection AddGeoReliability(this IServiceCollection services)
    {
        services.AddSingleton<RequestMetrics>();
        services.AddSingleton<NpgsqlMetrics>();
        services.AddSingleton<DatabaseMonitor>();
        services.AddSingleton(sp => ClientLimits.From(sp.GetRequiredService<IConfiguration>()));
        // Registered after AddGeoDatabase: it watches a database that DatabaseStartup has already brought up.
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseMonitor>());
        return services;
    }

    /// <summary>The outermost middleware: it sees the final status of every request, error pages included.</summary>
    public static WebApplication UseGeoMetrics(this WebApplication app)
    {
        // Created now so Npgsql's instruments are listened to from the first connection.
        app.Services.GetRequiredService<NpgsqlMetrics>();
        app.UseMiddleware<MetricsMiddleware>();
        return app;
    }

    /// <summary>Before routing: 414 for query strings no route reads (<see cref="QueryLengthLimit"/>).</summary>
    public static WebApplication UseQueryLengthLimit(this WebApplication app)
    {
        app.UseMiddleware<QueryLengthLimit>();
        return app;
    }

    /// <summary>After routing and access control: per-client caps on the expensive routes, and the PNG renderer cap.</summary>
    public static WebApplication UseExpensiveRouteLimits(this WebApplication app)
    {
        app.UseMiddleware<ExpensiveRouteLimiter>();
        return app;
    }

    public static WebApplication MapGeoMetrics(this WebApplication app)
    {
        app.MapMetricsEndpoint();
        return app;
    }
}
