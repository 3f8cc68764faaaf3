using System.Text.Json;

namespace GeoSituation.Server.Features;

/// <summary>Absolute links of the OGC API, built from the public URL (or the URL the client used to reach us).</summary>
internal static class OgcLinks
{
    public const string GeoJson = "application/geo+json";
    public const string Json = "application/json";
    public const string Html = "text/html";
    public const string OpenApi = "application/vnd.oai.openapi+json;version=3.0";
    public const string Schema = "application/schema+json";

    /// <summary>Writes "+" and non-ASCII text as is; the responses are JSON, never embedded in HTML.</summary>
    public static readonly System.Text.Encodings.Web.JavaScriptEncoder Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>GEOSITUATION_PUBLIC_URL, else the scheme and host the client used (see <see cref="Security.PublicOrigin"/>).</summary>
    public static string Base(HttpRequest request) => request.HttpContext.RequestServices.GetRequiredService<Security.PublicOrigin>().Of(request);

    public static void Write(Utf8JsonWriter writer, string href, string rel, string type, string? title = null)
    {
        writer.WriteStartObject();
        writer.WriteString("href", href);
        writer.WriteString("rel", rel);
        writer.WriteString("type", type);
        if (title is not null) writer.WriteString("title", title);
        writer.WriteEndObject();
    }
}
