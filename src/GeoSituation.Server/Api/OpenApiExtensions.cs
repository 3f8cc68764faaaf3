using GeoSituation.Server.Docs;
using Microsoft.OpenApi;

namespace GeoSituation.Server.Api;

/// <summary>The OpenAPI 3.0 description at /openapi/v1.json (the landing page's service-desc).</summary>
public static class OpenApiExtensions
{
    public static IServiceCollection AddApiDescription(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_0;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "GeoSituation",
                    Version = "1.0",
                    Description = "OGC API - Features, vector tiles and article ingest for the GeoSituation map.",
                };
                return Task.CompletedTask;
            });
            // Error responses every operation can give (Docs/ProblemResponses.cs).
            options.AddProblemResponses();
        });

    public static WebApplication MapApiDescription(this WebApplication app)
    {
        app.MapOpenApi();
        return app;
    }
}
