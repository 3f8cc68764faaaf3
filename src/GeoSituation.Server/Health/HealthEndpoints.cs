using GeoSituation.Server.Database;
using Npgsql;

namespace GeoSituation.Server.Health;

/// <summary><c>GET /healthz</c>: 200 once the database answers (schema migrated), 503 otherwise.</summary>
public static class HealthEndpoints
{
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapGet("/healthz", CheckAsync)
            .WithName("Health")
            .WithSummary("200 when the database answers, 503 otherwise")
            .WithTags("Health");
        return app;
    }

    private static async Task<IResult> CheckAsync(NpgsqlDataSource dataSource, HttpContext context, CancellationToken cancellationToken)
    {
        var readiness = context.RequestServices.GetRequiredService<DatabaseReadiness>();
        if (readiness.IsReady)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(3));
                await using var command = dataSource.CreateCommand("SELECT 1");
                await command.ExecuteScalarAsync(timeout.Token);
                return TypedResults.Ok(new { status = "ok", database = "up" });
            }
            catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
            {
                // Fall through to 503.
            }
        }
        context.Response.Headers.RetryAfter = "5";
        return TypedResults.Json(new { status = "unavailable", database = readiness.IsReady ? "down" : "starting" }, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
