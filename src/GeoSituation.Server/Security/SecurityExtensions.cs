using System.Text.RegularExpressions;
using GeoSituation.Server.Hosting;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.HttpOverrides;

namespace GeoSituation.Server.Security;

/// <summary>
/// The server's defences, in the order a request meets them: security headers, compression guard, write rate
/// limit, request time limit, access control, path and query text validation. Kestrel's own limits (body size, no Server header) are set here too.
/// </summary>
public static partial class SecurityExtensions
{
    public static WebApplicationBuilder AddGeoSecurity(this WebApplicationBuilder builder)
    {
        var options = SecurityOptions.From(builder.Configuration);
        var settings = ServerSettings.From(builder.Configuration);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<ApiKeyRoles>();
        builder.Services.AddSingleton<AuthenticationThrottle>();
        builder.Services.AddSingleton(PublicOrigin.From(builder.Configuration));
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded => TrustedProxies.Configure(forwarded, options.TrustedProxies));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // The largest body any endpoint accepts is an article; 10 MB bodies are refused before they are buffered.
            kestrel.Limits.MaxRequestBodySize = settings.MaxArticleBytes + 64 * 1024;
            // Twice the limits RequestSizeLimitsMiddleware enforces, so that the client gets its problem+json, not Kestrel's empty 414/431.
            kestrel.Limits.MaxRequestLineSize = 2 * RequestSizeLimitsMiddleware.MaxTargetLength;
            kestrel.Limits.MaxRequestHeadersTotalSize = 2 * RequestSizeLimitsMiddleware.MaxHeadersTotalSize;
            kestrel.Limits.MaxRequestHeaderCount = 2 * RequestSizeLimitsMiddleware.MaxHeaderCount;
        });
        builder.Services.AddRateLimiter(limiter => WriteRateLimiting.Configure(limiter, options));
        // The framework's own timeout warning carries the cancellation's stack trace; the policy below logs one line
        // instead (no stack traces in logs).
        builder.Logging.AddFilter("Microsoft.AspNetCore.Http.Timeouts", LogLevel.Error);
        builder.Services.AddRequestTimeouts(timeouts =>
        {
            timeouts.DefaultPolicy = new RequestTimeoutPolicy
            {
                Timeout = options.RequestTimeout,
                // 503 + Retry-After: the server is busy (usually a slow database), the request may succeed later.
                TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
                WriteTimeoutResponse = context =>
                {
                    context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("GeoSituation.Server.RequestTimeouts")
                        .LogWarning("{Method} {Path}: timed out after {Seconds} s", context.Request.Method, context.Request.Path, options.RequestTimeout.TotalSeconds);
                    context.Response.Headers.RetryAfter = "5";
                    return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Request timed out",
                        detail: $"The request took longer than {options.RequestTimeout.TotalSeconds:0} s; retry shortly.").ExecuteAsync(context);
                },
            };
        });
        return builder;
    }

    /// <summary>
    /// First of all: the client address every limit counts against (forwarded only from GEOSITUATION_TRUSTED_PROXIES),
    /// then the URL and header size limits (problem+json), before even the cached-tile shortcut.
    /// </summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        if (app.Services.GetRequiredService<SecurityOptions>().TrustedProxies.Count > 0) app.UseForwardedHeaders();
        app.UseMiddleware<RequestSizeLimitsMiddleware>();
        return app;
    }

    /// <summary>Place before the map client (which compresses responses) and before every endpoint.</summary>
    public static WebApplication UseGeoSecurity(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<CompressionGuardMiddleware>();
        app.UseRateLimiter();
        app.UseRequestTimeouts();
        // A feature page is streamed for as long as the client reads it (a million features is allowed): no time limit.
        app.Use((context, next) =>
        {
            if (StreamedItems().IsMatch(context.Request.Path.Value ?? "")) context.Features.Get<IHttpRequestTimeoutFeature>()?.DisableTimeout();
            return next(context);
        });
        app.UseMiddleware<AccessControlMiddleware>();
        app.UseMiddleware<RequestTextValidationMiddleware>();
        return app;
    }

    [GeneratedRegex("^/collections/[^/]+/items/?$", RegexOptions.IgnoreCase)]
    private static partial Regex StreamedItems();
}
