namespace GeoSituation.Server.Problems;

/// <summary>Every error is an application/problem+json response: 4xx for bad input, 503 when the database is away, never a stack trace.</summary>
public static class ProblemsExtensions
{
    public static IServiceCollection AddGeoProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // Never leak internals, whatever the environment.
            context.ProblemDetails.Extensions.Remove("exception");
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // ProblemExceptionHandler logs one line per failure; the middleware's own entry would repeat it with the
        // stack trace (which may name SQL and connection details).
        services.Configure<ExceptionHandlerOptions>(options => options.SuppressDiagnosticsCallback = _ => true);
        return services;
    }

    /// <summary>Turns exceptions and bare status codes (404 for unknown routes, 405...) into problem+json.</summary>
    public static WebApplication UseGeoProblems(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
