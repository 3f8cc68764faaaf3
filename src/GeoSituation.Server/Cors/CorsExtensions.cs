namespace GeoSituation.Server.Cors;

/// <summary>Reads are open to any origin (dashboards, embeds, GIS web clients); writes need the API key and no CORS.</summary>
public static class CorsExtensions
{
    public const string ReadPolicy = "reads";

    public static IServiceCollection AddReadCors(this IServiceCollection services) =>
        services.AddCors(options => options.AddPolicy(ReadPolicy, policy => policy
            .AllowAnyOrigin()
            .WithMethods("GET", "HEAD")
            .WithHeaders("If-None-Match", "Accept", "Content-Type")
            .WithExposedHeaders("ETag", "Location")));

    public static WebApplication UseReadCors(this WebApplication app)
    {
        app.UseCors(ReadPolicy);
        return app;
    }
}
