using System.Security.Cryptography;
using System.Text;

namespace GeoSituation.Server.Security;

/// <summary>
/// The keys configured with a role (GEOSITUATION_API_KEYS). Keys are kept as SHA-256 hashes and every key is
/// compared in constant time, so neither the content nor the length of a key leaks through response timing.
/// </summary>
internal sealed class ApiKeyRoles
{
    public const string Reader = "reader";
    public const string Writer = "writer";

    private readonly List<(string Role, byte[] Hash)> keys;

    public ApiKeyRoles(SecurityOptions options) =>
        keys = options.RoleKeys.Select(k => (k.Role, SHA256.HashData(Encoding.UTF8.GetBytes(k.Key)))).ToList();

    /// <summary>The token of an <c>Authorization: Bearer &lt;token&gt;</c> header, or null.</summary>
    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : null;
    }

    /// <summary>The role of the presented key, or null when it is none of the configured ones.</summary>
    public string? RoleOf(HttpRequest request)
    {
        if (keys.Count == 0 || BearerToken(request) is not { } token) return null;
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        string? role = null;
        // No early exit: every key is compared whichever matches.
        foreach (var (keyRole, hash) in keys)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, hash)) role ??= keyRole;
        }
        return role;
    }
}
