using GeoSituation.Core.Gazetteer;
using NetTopologySuite.Geometries;

namespace GeoSituation.Server.Map;

/// <summary>
/// <c>GET /map/governorates</c>: the admin areas that carry a humanitarian P-code (the Gaza governorates)
/// as GeoJSON with their area, so the map can shade displacement density (people per km²).
/// </summary>
internal static class GovernorateEndpoints
{
    private const double KmPerDegree = 111.32;

    public static void MapGovernorates(this IEndpointRouteBuilder app) =>
        app.MapGet("/map/governorates", Get)
            .WithName("GetGovernorates")
            .WithSummary("P-coded admin areas (approximate outlines) with area in km², for the density choropleth")
            .WithTags("Map");

    private static IResult Get(Gazetteer gazetteer, HttpContext http)
    {
        var features = gazetteer.Entries
            .Where(e => e.Kind == PlaceKind.AdminArea && e.PCode is not null && e.Boundary is not null)
            .Select(e => new
            {
                type = "Feature",
                // The basemap tiles number the same areas abs(gazetteer id): one id links both.
                id = Math.Abs(e.Id),
                properties = new
                {
                    name = e.Name,
                    pcode = e.PCode,
                    country = e.CountryCode,
                    approximate = e.BoundaryApproximate,
                    area_km2 = Math.Round(AreaKm2(e.Boundary!), 1),
                },
                geometry = new { type = "MultiPolygon", coordinates = Polygons(e.Boundary!) },
            })
            .ToList();
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Json(new { type = "FeatureCollection", features }, contentType: "application/geo+json");
    }

    // Small areas far from the poles: degrees² scaled by the local size of a degree is within a
    // fraction of a percent, well inside what "approximate outline" already admits.
    private static double AreaKm2(Geometry boundary) =>
        boundary.Area * KmPerDegree * KmPerDegree * Math.Cos(double.DegreesToRadians(boundary.Centroid.Y));

    private static double[][][][] Polygons(Geometry boundary) =>
        Enumerable.Range(0, boundary.NumGeometries)
            .Select(boundary.GetGeometryN)
            .OfType<Polygon>()
            .Select(p => new[] { p.ExteriorRing }.Concat(p.InteriorRings)
                .Select(ring => ring.Coordinates.Select(c => new[] { Math.Round(c.X, 5), Math.Round(c.Y, 5) }).ToArray())
                .ToArray())
            .ToArray();
}
