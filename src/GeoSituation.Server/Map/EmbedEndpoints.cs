namespace GeoSituation.Server.Map;

/// <summary>
/// <c>GET /embed</c>: the map without chrome, for iframes (layers, bbox and datetime from the query);
/// <c>GET /embed/doc</c>: how to embed it and how to add our layers to dashboards and GIS tools.
/// </summary>
internal static class EmbedEndpoints
{
    public static void MapEmbed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/embed", (IWebHostEnvironment env) => Page(env, "embed.html"))
            .WithName("GetEmbed")
            .WithSummary("The map without chrome, for iframes: ?layers=displacement,events&bbox=w,s,e,n&datetime=a/b")
            .WithTags("Map");
        app.MapGet("/embed/doc", (IWebHostEnvironment env) => Page(env, "embed-doc.html"))
            .WithName("GetEmbedDoc")
            .WithSummary("How to embed the map and use the layers in Grafana, Superset, QGIS and Leaflet")
            .WithTags("Map");
    }

    private static IResult Page(IWebHostEnvironment env, string file)
    {
        var info = env.WebRootFileProvider.GetFileInfo(file);
        return info.PhysicalPath is null
            ? TypedResults.NotFound()
            : TypedResults.PhysicalFile(info.PhysicalPath, "text/html; charset=utf-8");
    }
}
