using System.Globalization;

namespace GeoSituation.Core.Gazetteer;

/// <summary>Gives countries, admin areas and regions their GeoNames id and, where GeoNames has one in our sources,
/// GeoNames' own point; adds the seas, gulfs, straits, world regions and ranges outside any country
/// (geodata/geonames-reference.tsv.gz, format and conventions in geodata/README.md).</summary>
/// <remarks>
/// GIS users join by GeoNames id, and GeoNames-based gold standards place a country at GeoNames' point for it,
/// which for a large country can be hundreds of km from a label point or a polygon centroid. An id that some other
/// entry already carries is not applied, so an entry's id stays unique.
/// </remarks>
internal static class GeonamesReference
{
    public static void Apply(string path, List<GazetteerEntry> entries, Dictionary<string, int> countries, Dictionary<string, int> regions, Dictionary<string, int> admins)
    {
        if (!File.Exists(path)) return;
        var used = new HashSet<long>(entries.Select(e => e.Id));
        foreach (var line in GeodataReader.ReadLines(path))
        {
            var f = line.Split('\t');
            var colon = f[0].IndexOf(':', StringComparison.Ordinal);
            var (kind, key) = (f[0][..colon], f[0][(colon + 1)..]);
            var id = long.Parse(f[1], CultureInfo.InvariantCulture);
            if (used.Contains(id)) continue;
            int? index = kind switch
            {
                "country" => countries.TryGetValue(key, out var c) ? c : null,
                "region" => regions.TryGetValue(key, out var r) ? r : null,
                "adm1" or "adm2" => admins.TryGetValue(key, out var a) ? a : null,
                _ => null,
            };
            if (kind == "feature")
            {
                used.Add(id);
                entries.Add(new GazetteerEntry
                {
                    Id = id,
                    Name = f[5],
                    Kind = PlaceKind.Region,
                    FeatureCode = f[4],
                    Latitude = Number(f[2]),
                    Longitude = Number(f[3]),
                });
                continue;
            }
            if (index is not { } i) continue;
            used.Add(id);
            var e = entries[i];
            entries[i] = f[2].Length == 0
                ? e with { Id = id }
                : e with { Id = id, Latitude = Number(f[2]), Longitude = Number(f[3]) };
        }
    }

    private static double Number(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
