namespace GeoSituation.Server.Cors;

/// <summary>
/// Reads are open to any origin (dashboards, embeds, GIS web clients); writes need the API key and no CORS. A page may
/// send Authorization (a reader key, when GEOSITUATION_READS=key closes reads): no cookie is involved, so any origin
/// is safe, as the key is only what the page already holds. Preflights advertise GET and HEAD, the methods that work.
/// </summary>
public static class CorsExtensions
{
    public const string ReadPolicy = "reads";

    /// <summary>Response headers a cross-origin reader may see (also sent by the cached-tile shortcut).</summary>
    internal static readonly string[] ExposedHeaders = ["ETag", "Location"];

    public static IServiceCollection AddReadCors(this IServiceCollection services) =>
        services.AddCors(options => options.AddPolicy(ReadPolicy, policy => policy
            .AllowAnyOrigin()
            .WithMethods("GET", "HEAD")
            .WithHeaders("If-None-Match", "Accept", "Content-Type", "Authorization")
            .WithExposedHeaders(ExposedHeaders)));

    public static WebApplication UseReadCors(this WebApplication app)
    {
        app.UseCors(ReadPolicy);
        return app;
    }
}
