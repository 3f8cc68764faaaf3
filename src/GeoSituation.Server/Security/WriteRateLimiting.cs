using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using GeoSituation.Server.Articles;
using Microsoft.AspNetCore.RateLimiting;

namespace GeoSituation.Server.Security;

/// <summary>
/// Writes are rate limited per client with ASP.NET Core's token bucket (GEOSITUATION_WRITE_RATE per second,
/// bursts of GEOSITUATION_WRITE_BURST): a flood from one source cannot starve the analysis CPU or the pool.
/// The client is its key once the key is verified, else its address (the forwarded one only from a trusted proxy):
/// a random token per request must not buy a fresh bucket (28,292 guesses in 4 s once, no 429).
/// On top, at most one write per core is analysed at a time (others wait in a short queue): the text pipeline
/// is CPU-bound and cannot be cancelled midway, so this keeps a burst of large articles from starving reads.
/// Reads are not limited here: the tile cache makes them cheap.
/// </summary>
internal static class WriteRateLimiting
{
    public static void Configure(RateLimiterOptions limiter, SecurityOptions options)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        var perClient = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (!IsWrite(context)) return RateLimitPartition.GetNoLimiter("reads");
            return RateLimitPartition.GetTokenBucketLimiter(ClientOf(context), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = options.WriteBurst,
                TokensPerPeriod = options.WritesPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
        var concurrentWrites = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            IsWrite(context)
                ? RateLimitPartition.GetConcurrencyLimiter("writes", _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = Math.Max(2, Environment.ProcessorCount),
                    QueueLimit = 256,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                })
                : RateLimitPartition.GetNoLimiter("reads"));
        limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(perClient, concurrentWrites);
        limiter.OnRejected = async (rejected, cancellationToken) =>
        {
            var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 1;
            rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many writes",
                detail: $"At most {options.WritesPerSecond} writes per second per client; retry after {seconds} s.")
                .ExecuteAsync(rejected.HttpContext);
        };
    }

    private static bool IsWrite(HttpContext context)
    {
        var method = context.Request.Method;
        return !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method));
    }

    /// <summary>A hash of a verified key (never the key itself, which would sit in memory as a dictionary key), else the client address.</summary>
    private static string ClientOf(HttpContext context)
    {
        if (ApiKeyRoles.BearerToken(context.Request) is { Length: > 0 } token
            && (context.RequestServices.GetRequiredService<ApiKey>().IsAuthorized(context.Request)
                || context.RequestServices.GetRequiredService<ApiKeyRoles>().RoleOf(context.Request) is not null))
        {
            return "key:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)).AsSpan(0, 12));
        }
        return "ip:" + ClientAddress.Of(context);
    }
}
