namespace GeoSituation.Server.Security;

/// <summary>
/// The base of every absolute link the server writes (OGC links, TileJSON tile URLs, style.json sources):
/// GEOSITUATION_PUBLIC_URL when set, so the Host header a client sends is never reflected into answers a shared
/// cache may keep; else the scheme and Host of the request (limit them with AllowedHosts, or run behind a proxy that
/// sets Host).
/// </summary>
internal sealed class PublicOrigin(string? configured)
{
    public const string Setting = "GEOSITUATION_PUBLIC_URL";

    public static PublicOrigin From(IConfiguration configuration)
    {
        var value = configuration[Setting]?.Trim();
        if (string.IsNullOrEmpty(value)) return new PublicOrigin(null);
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            throw new InvalidOperationException($"{Setting} must be an http(s) URL without query, e.g. https://maps.example.org or https://example.org/situation.");
        }
        return new PublicOrigin(uri.GetLeftPart(UriPartial.Path).TrimEnd('/'));
    }

    /// <summary>The base URL, without a trailing slash.</summary>
    public string Of(HttpRequest request) => configured ?? $"{request.Scheme}://{request.Host}{request.PathBase}";
}
