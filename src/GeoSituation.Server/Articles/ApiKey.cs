using System.Security.Cryptography;
using System.Text;
using GeoSituation.Postgis.Embedded;
using GeoSituation.Server.Hosting;
using GeoSituation.Server.Security;

namespace GeoSituation.Server.Articles;

/// <summary>
/// The key writes need (<c>Authorization: Bearer &lt;key&gt;</c>): GEOSITUATION_API_KEY, else a random key kept in
/// the data folder (file api-key, readable by its owner only) whose path is printed at start.
/// </summary>
internal sealed class ApiKey
{
    private readonly byte[] keyHash;
    private readonly ApiKeyRoles roles;

    public ApiKey(ServerSettings settings, ApiKeyRoles roles, ILogger<ApiKey> logger)
    {
        this.roles = roles;
        string key;
        if (settings.ApiKey is { } configured)
        {
            key = configured;
            logger.LogInformation("API key for writes: from GEOSITUATION_API_KEY");
        }
        else
        {
            var path = Path.Combine(settings.DataFolder, "api-key");
            key = SecretFile.ReadOrCreate(path);
            logger.LogInformation("API key for writes (POST /articles): in {Path}", path);
        }
        keyHash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }

    /// <summary>Checks "Bearer &lt;key&gt;" in constant time (hashes compared, so length leaks nothing either).</summary>
    public bool IsAuthorized(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return false;
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()));
        // Keys given a writer role in GEOSITUATION_API_KEYS write too.
        return CryptographicOperations.FixedTimeEquals(presented, keyHash) | roles.RoleOf(request) == ApiKeyRoles.Writer;
    }

    /// <summary>The 401 answer (with its WWW-Authenticate challenge) for a write without a valid key; null when the request may write.</summary>
    public IResult? Refuse(HttpContext context)
    {
        if (IsAuthorized(context.Request)) return null;
        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"geosituation\"";
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "API key required",
            detail: "Send Authorization: Bearer <key> (GEOSITUATION_API_KEY, or the key file the server printed at start).");
    }
}
