using System.Globalization;
using System.Threading.RateLimiting;

namespace GeoSituation.Server.Security;

/// <summary>
/// Failed authentications per client address: a bucket of GEOSITUATION_AUTH_FAILURE_BURST failures (default
/// <see cref="DefaultBurst"/>) refilled by one every <see cref="RefillSeconds"/> s. An address that has used it up gets 429 with Retry-After for anything that needs a
/// key, without its key being checked, so guessing runs at a few keys a minute instead of thousands a second.
/// </summary>
internal sealed class AuthenticationThrottle(SecurityOptions options) : IDisposable
{
    public const int DefaultBurst = 20;
    public const int RefillSeconds = 3;

    private readonly PartitionedRateLimiter<string> failures = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetTokenBucketLimiter(address, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.AuthFailureBurst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(RefillSeconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>Seconds to wait when the address may not try a key now, else null. Costs nothing from the bucket.</summary>
    public int? RetryAfter(HttpContext context)
    {
        using var probe = failures.AttemptAcquire(ClientAddress.Of(context), permitCount: 0);
        return probe.IsAcquired ? null : RefillSeconds;
    }

    /// <summary>Counts a failed authentication; returns the seconds to wait when that used up the address's bucket.</summary>
    public int? Fail(HttpContext context)
    {
        using var lease = failures.AttemptAcquire(ClientAddress.Of(context));
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : RefillSeconds;
    }

    public static Task TooManyAsync(HttpContext context, int seconds)
    {
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many failed authentications",
            detail: $"Too many wrong keys from this address; retry after {seconds} s.").ExecuteAsync(context);
    }

    public void Dispose() => failures.Dispose();
}

/// <summary>The client's address: the connection's, or the forwarded one when a trusted proxy sent it (see <see cref="TrustedProxies"/>).</summary>
internal static class ClientAddress
{
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
