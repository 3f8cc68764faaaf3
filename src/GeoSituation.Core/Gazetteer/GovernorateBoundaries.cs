using NetTopologySuite.Geometries;
using NetTopologySuite.Triangulate;

namespace GeoSituation.Core.Gazetteer;

/// <summary>Approximate outlines for admin areas that no open source publishes (the Gaza governorates).</summary>
/// <remarks>
/// Each governorate gets the part of its territory (the Gaza Strip) nearer to its seat than to any other
/// seat: a Voronoi split. Real boundaries follow streets and fields, so entries are flagged
/// <see cref="GazetteerEntry.BoundaryApproximate"/> and must be served as approximate.
/// </remarks>
internal static class GovernorateBoundaries
{
    public static void Add(
        List<GazetteerEntry> entries,
        Dictionary<string, int> regionKeys,
        Dictionary<long, int> places,
        List<(GazetteerEntry Entry, long Seat, string Within, string Key)> governorates)
    {
        foreach (var group in governorates.GroupBy(g => g.Within))
        {
            var territory = entries[regionKeys[group.Key]].Boundary
                ?? throw new InvalidDataException($"region {group.Key} has no boundary to split");
            var seats = group.Select(g => entries[places[g.Seat]]).ToArray();
            var builder = new VoronoiDiagramBuilder();
            builder.SetSites(seats.Select(s => new Coordinate(s.Longitude, s.Latitude)).ToArray());
            var clip = territory.EnvelopeInternal.Copy();
            clip.ExpandBy(1.0);
            builder.ClipEnvelope = clip;
            var cells = builder.GetDiagram(territory.Factory);
            foreach (var (g, seat) in group.Zip(seats))
            {
                var point = territory.Factory.CreatePoint(new Coordinate(seat.Longitude, seat.Latitude));
                var cell = Enumerable.Range(0, cells.NumGeometries).Select(cells.GetGeometryN).First(c => c.Contains(point));
                var boundary = GeodataReader.Clip(cell, territory);
                var centre = boundary.InteriorPoint;
                // By P-code (aliases.tsv) and by its key in regions.geojson (same_as in geodata/humanitarian).
                regionKeys[KeyOf(g.Entry)] = entries.Count;
                regionKeys[g.Key] = entries.Count;
                entries.Add(g.Entry with
                {
                    Boundary = boundary,
                    Latitude = Math.Round(centre.Y, 5),
                    Longitude = Math.Round(centre.X, 5),
                    Admin1Code = seat.Admin1Code,
                    Admin1Name = seat.Admin1Name,
                });
            }
        }
    }

    // Governorates are addressed in aliases.tsv by P-code ("region:PS0275") as well as by name.
    private static string KeyOf(GazetteerEntry e) => e.PCode ?? e.Name;
}
