using GeoSituation.Core.Gazetteer;
using GeoSituation.Core.Geoparsing;

namespace GeoSituation.Core.Events;

/// <summary>"Gaza" meaning the Strip: a bare territory name read as the city of the same name.</summary>
/// <remarks>
/// News says "a ceasefire in Gaza", "aid trucks allowed into Gaza", "hostages held in Gaza" for the territory, while
/// the geoparser, rightly for most names, prefers the city called so. For events, a city toponym written exactly as
/// another name of a region that contains it (the Gaza Strip lists "Gaza") is taken as that region, unless the text
/// says city ("Gaza City", "the city of Gaza"). The event then sits at the territory with geo-precision 3, as ACLED
/// codes it. Only regions (not countries) are considered: "Kuwait" and "Djibouti" are left to the resolver.
/// </remarks>
internal sealed class TerritorySense(Gazetteer.Gazetteer gazetteer)
{
    public IReadOnlyList<Toponym> Apply(IReadOnlyList<Toponym> toponyms)
    {
        List<Toponym>? changed = null;
        for (var i = 0; i < toponyms.Count; i++)
        {
            var t = toponyms[i];
            if (t.Place.Kind != PlaceKind.City || t.Surface.Contains("city", StringComparison.OrdinalIgnoreCase)) continue;
            if (Territory(t) is not { } region) continue;
            changed ??= [.. toponyms];
            changed[i] = t with { Place = region };
        }
        return changed ?? toponyms;
    }

    private GazetteerEntry? Territory(Toponym city)
    {
        foreach (var hit in gazetteer.Lookup(city.Surface))
        {
            var e = gazetteer.Entries[hit.Entry];
            if (e.Kind != PlaceKind.Region || e.CountryCode != city.Place.CountryCode || e.Boundary is null) continue;
            if (e.Boundary.Contains(e.Boundary.Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(city.Place.Longitude, city.Place.Latitude))))
                return e;
        }
        return null;
    }
}
