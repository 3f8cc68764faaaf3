using GeoSituation.Server.Security;

namespace GeoSituation.Server.Reliability;

/// <summary>
/// Refuses query strings longer than <see cref="MaxLength"/> with 414 problem+json. No route reads anything that
/// long, and a long query is what turns one request into a large cache key or a large log line.
/// </summary>
/// <remarks>Kestrel's own limit (8 KB request line) is above this one, so the client gets this problem body rather than Kestrel's empty 414.</remarks>
internal sealed class QueryLengthLimit(RequestDelegate next)
{
    /// <summary>Characters of the query string as sent (percent-encoded), "?" included.</summary>
    public const int MaxLength = 2048;

    public Task InvokeAsync(HttpContext context)
    {
        var query = context.Request.QueryString;
        if (!query.HasValue || query.Value!.Length <= MaxLength) return next(context);
        context.Response.StatusCode = StatusCodes.Status414UriTooLong;
        SecurityHeadersMiddleware.WriteEveryResponseHeaders(context.Response.Headers);
        return TypedResults.Problem(statusCode: StatusCodes.Status414UriTooLong, title: "Query string too long",
            detail: $"The query string has {query.Value.Length} characters; at most {MaxLength} are accepted.").ExecuteAsync(context);
    }
}
