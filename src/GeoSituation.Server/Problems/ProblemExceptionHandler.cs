using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace GeoSituation.Server.Problems;

/// <summary>
/// Maps exceptions to problem+json: an unreachable database is 503 with Retry-After (clients retry, the server
/// recovers by itself), malformed requests Kestrel rejects keep their 4xx, anything else is a bare 500.
/// Logs one line without the stack trace, SQL or connection details.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (context.RequestAborted.IsCancellationRequested) return true;
        int status;
        string title;
        switch (exception)
        {
            case BadHttpRequestException bad:
                status = bad.StatusCode;
                title = status == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request";
                break;
            case NpgsqlException e when e is not PostgresException || IsUnavailable((PostgresException)e):
            case TimeoutException:
                status = StatusCodes.Status503ServiceUnavailable;
                title = "Database unavailable";
                context.Response.Headers.RetryAfter = "5";
                logger.LogWarning("{Method} {Path}: database unavailable ({Type})", context.Request.Method, context.Request.Path, exception.GetType().Name);
                break;
            default:
                status = StatusCodes.Status500InternalServerError;
                title = "Internal error";
                logger.LogError("{Method} {Path} failed: {Type}{Code}", context.Request.Method, context.Request.Path, exception.GetType().Name,
                    exception is PostgresException pg ? " SQLSTATE " + pg.SqlState : "");
                break;
        }
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title },
        });
    }

    /// <summary>Server-side states that mean "down or restarting", not "bad query".</summary>
    private static bool IsUnavailable(PostgresException e) =>
        e.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.QueryCanceled;
}
