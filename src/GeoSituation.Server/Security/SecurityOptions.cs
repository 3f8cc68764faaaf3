using System.Globalization;

namespace GeoSituation.Server.Security;

/// <summary>How open the server is and how hard it pushes back; from configuration (environment variables, command line).</summary>
/// <remarks>
/// GEOSITUATION_READS: <c>public</c> (default) or <c>key</c> (every read but /healthz needs a reader or writer key).
/// GEOSITUATION_METRICS: <c>public</c> (default: Prometheus scrapes it) or <c>key</c> (a reader or writer key).
/// GEOSITUATION_API_KEYS: extra keys with roles, <c>reader:KEY,writer:KEY</c> (GEOSITUATION_API_KEY stays a writer key).
/// GEOSITUATION_WRITE_RATE: writes per second per client (default 50), bursts up to GEOSITUATION_WRITE_BURST (default 200).
/// GEOSITUATION_AUTH_FAILURE_BURST: wrong keys an address may present before 429 (default 20; one more every 3 s).
/// GEOSITUATION_TRUSTED_PROXIES: proxies whose X-Forwarded-For names the client (IPs or CIDRs, comma-separated).
/// Every key (GEOSITUATION_API_KEY, GEOSITUATION_API_KEYS) must carry 128 bits (<see cref="KeyStrength"/>).
/// GEOSITUATION_REQUEST_TIMEOUT_SECONDS: time limit of a request (default 30; streamed feature pages are exempt).
/// </remarks>
internal sealed record SecurityOptions
{
    public bool PublicReads { get; init; } = true;
    /// <summary>GEOSITUATION_METRICS=key: /metrics needs a reader or writer key even when reads are public.</summary>
    public bool MetricsNeedKey { get; init; }
    public IReadOnlyList<(string Role, string Key)> RoleKeys { get; init; } = [];
    public int WritesPerSecond { get; init; } = 50;
    public int WriteBurst { get; init; } = 200;
    public int AuthFailureBurst { get; init; } = AuthenticationThrottle.DefaultBurst;
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);
    public IReadOnlyList<System.Net.IPNetwork> TrustedProxies { get; init; } = [];

    public static SecurityOptions From(IConfiguration configuration)
    {
        var reads = configuration["GEOSITUATION_READS"]?.Trim().ToLowerInvariant();
        if (reads is not (null or "" or "public" or "key"))
        {
            throw new InvalidOperationException("GEOSITUATION_READS must be 'public' or 'key'.");
        }
        var metrics = configuration["GEOSITUATION_METRICS"]?.Trim().ToLowerInvariant();
        if (metrics is not (null or "" or "public" or "key"))
        {
            throw new InvalidOperationException("GEOSITUATION_METRICS must be 'public' or 'key'.");
        }
        if (configuration["GEOSITUATION_API_KEY"]?.Trim() is { Length: > 0 } mainKey && !KeyStrength.IsStrong(mainKey))
        {
            throw new InvalidOperationException(KeyStrength.Weak("GEOSITUATION_API_KEY"));
        }
        return new SecurityOptions
        {
            TrustedProxies = Security.TrustedProxies.Parse(configuration[Security.TrustedProxies.Setting]),
            PublicReads = reads is not "key",
            MetricsNeedKey = metrics is "key",
            RoleKeys = ParseRoleKeys(configuration["GEOSITUATION_API_KEYS"]),
            WritesPerSecond = Positive(configuration["GEOSITUATION_WRITE_RATE"], 50),
            WriteBurst = Positive(configuration["GEOSITUATION_WRITE_BURST"], 200),
            AuthFailureBurst = Positive(configuration["GEOSITUATION_AUTH_FAILURE_BURST"], AuthenticationThrottle.DefaultBurst),
            RequestTimeout = TimeSpan.FromSeconds(Positive(configuration["GEOSITUATION_REQUEST_TIMEOUT_SECONDS"], 30)),
        };
    }

    /// <summary>"reader:KEY,writer:KEY"; a malformed entry stops startup rather than silently opening or closing access.</summary>
    private static List<(string Role, string Key)> ParseRoleKeys(string? value)
    {
        var keys = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(value)) return keys;
        foreach (var entry in value.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            var role = colon > 0 ? entry[..colon].Trim().ToLowerInvariant() : "";
            var key = colon > 0 ? entry[(colon + 1)..].Trim() : "";
            if (role is not (ApiKeyRoles.Reader or ApiKeyRoles.Writer))
            {
                // The key itself is never echoed: only its position.
                throw new InvalidOperationException($"GEOSITUATION_API_KEYS entry {keys.Count + 1} must be reader:KEY or writer:KEY.");
            }
            if (!KeyStrength.IsStrong(key)) throw new InvalidOperationException(KeyStrength.Weak($"GEOSITUATION_API_KEYS entry {keys.Count + 1}"));
            keys.Add((role, key));
        }
        return keys;
    }

    private static int Positive(string? value, int fallback) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 ? parsed : fallback;
}
