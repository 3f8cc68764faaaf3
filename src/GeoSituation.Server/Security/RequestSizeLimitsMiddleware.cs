using Microsoft.AspNetCore.Http.Features;

namespace GeoSituation.Server.Security;

/// <summary>
/// The request line and header limits, answered with problem+json: Kestrel's own 414 and 431 have empty bodies,
/// so its limits are set a little above these (<see cref="SecurityExtensions"/>) and the answer comes from here.
/// Only requests beyond Kestrel's higher limits, or that are not HTTP at all, still get Kestrel's bare answer.
/// </summary>
internal sealed class RequestSizeLimitsMiddleware(RequestDelegate next)
{
    public const int MaxTargetLength = 8 * 1024;
    public const int MaxHeadersTotalSize = 32 * 1024;
    public const int MaxHeaderCount = 100;

    public Task InvokeAsync(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        if (target.Length > MaxTargetLength)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status414UriTooLong, title: "URL too long",
                detail: $"Paths with their query string are limited to {MaxTargetLength} characters.").ExecuteAsync(context);
        }
        var headers = context.Request.Headers;
        var size = 0L;
        foreach (var (name, values) in headers)
        {
            foreach (var value in values) size += name.Length + (value?.Length ?? 0) + 4;
        }
        if (headers.Count > MaxHeaderCount || size > MaxHeadersTotalSize)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status431RequestHeaderFieldsTooLarge, title: "Request headers too large",
                detail: $"At most {MaxHeaderCount} headers and {MaxHeadersTotalSize / 1024} KB of them are accepted.").ExecuteAsync(context);
        }
        return next(context);
    }
}
