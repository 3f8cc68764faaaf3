using GeoSituation.Server.Articles;

namespace GeoSituation.Server.Security;

/// <summary>
/// Who may do what, decided once for every route: writes (any method but GET, HEAD, OPTIONS) need a writer key,
/// reads are public unless GEOSITUATION_READS=key (/metrics too, or alone with GEOSITUATION_METRICS=key), /healthz is always open. 401 carries WWW-Authenticate;
/// a reader key on a write is 403. Wrong keys are counted per client address (<see cref="AuthenticationThrottle"/>).
/// </summary>
/// <remarks>
/// Endpoints that write also check the key themselves; this layer makes sure a new write endpoint cannot
/// be added without protection, and that reads can be closed in one place.
/// </remarks>
internal sealed class AccessControlMiddleware(RequestDelegate next, ApiKey apiKey, ApiKeyRoles roles, SecurityOptions options, AuthenticationThrottle throttle)
{
    public const string Challenge = "Bearer realm=\"geosituation\"";

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsOptions(request.Method)) return next(context);
        var isRead = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        var publicRead = options.PublicReads && !(options.MetricsNeedKey && request.Path.Equals("/metrics", StringComparison.OrdinalIgnoreCase));
        if (isRead && (publicRead || request.Path.Equals("/healthz", StringComparison.OrdinalIgnoreCase))) return next(context);

        // An address that has guessed too many wrong keys is not even checked until it has waited.
        var presented = request.Headers.Authorization.Count > 0;
        if (presented && throttle.RetryAfter(context) is { } wait) return AuthenticationThrottle.TooManyAsync(context, wait);
        var role = apiKey.IsAuthorized(request) ? ApiKeyRoles.Writer : roles.RoleOf(request);
        if (role == ApiKeyRoles.Writer || (isRead && role == ApiKeyRoles.Reader)) return next(context);
        if (presented && role is null && throttle.Fail(context) is { } retry) return AuthenticationThrottle.TooManyAsync(context, retry);
        if (role == ApiKeyRoles.Reader)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Writer key required",
                detail: "This key may read but not write.").ExecuteAsync(context);
        }
        context.Response.Headers.WWWAuthenticate = Challenge;
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "API key required",
            detail: isRead
                ? "Reads need a key on this server: send Authorization: Bearer <key>."
                : "Send Authorization: Bearer <key> (GEOSITUATION_API_KEY, or the key file the server printed at start).").ExecuteAsync(context);
    }
}
