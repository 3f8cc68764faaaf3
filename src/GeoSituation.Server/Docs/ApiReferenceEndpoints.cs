using System.Reflection;
using Scalar.AspNetCore;

namespace GeoSituation.Server.Docs;

/// <summary>
/// The interactive API reference at /docs: Scalar's renderer reading /openapi/v1.json, every asset from this server.
/// </summary>
/// <remarks>
/// Scalar's own page starts the renderer from an inline script, which our content security policy refuses (no
/// 'unsafe-inline' scripts). So /docs is our page (Docs/index.html) that loads Scalar's bundled scalar.js, served by
/// Scalar.AspNetCore from /docs/assets/ out of its assembly, and starts it from a script file (Docs/docs.js).
/// Fonts and telemetry are off: both would reach Scalar's servers.
/// </remarks>
public static class ApiReferenceEndpoints
{
    public const string PagePath = "/docs";
    public const string AssetsPath = "/docs/assets";

    public static WebApplication MapApiReference(this WebApplication app)
    {
        // Only the static assets of this mapping are used (scalar.js); its page is not linked from anywhere.
        app.MapScalarApiReference(AssetsPath, options => options
            .WithTitle("GeoSituation API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts()
            .DisableTelemetry())
            .ExcludeFromDescription();
        var page = Resource("index.html");
        var script = Resource("docs.js");
        app.MapGet(PagePath, () => TypedResults.Bytes(page, "text/html; charset=utf-8")).ExcludeFromDescription();
        app.MapGet(PagePath + "/docs.js", () => TypedResults.Bytes(script, "text/javascript; charset=utf-8")).ExcludeFromDescription();
        return app;
    }

    private static byte[] Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("GeoSituation.Server.Docs." + name)
            ?? throw new InvalidOperationException($"Embedded resource Docs/{name} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
