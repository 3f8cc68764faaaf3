using NetTopologySuite.Geometries;

namespace GeoSituation.Core.Gazetteer;

/// <summary>Merges sites and areas files (geodata/humanitarian/, then the user's imports) into the gazetteer entries.</summary>
/// <remarks>
/// A row with <c>same_as</c> adds its names, P-code and polygon to the entry it points at (a GeoNames admin area, a
/// hand-kept region, a Gaza governorate whose Voronoi outline a real one replaces). Any other row is a new entry with
/// the id <see cref="StableId"/> gives <c>hum:KEY</c>, so re-importing never renumbers what articles already resolved
/// to. A row repeating an earlier layer's key merges into that entry the same way. Curated names are indexed as
/// aliases (hand-kept, like aliases.tsv), not as GeoNames-style alternates that the geoparser trusts less.
/// </remarks>
internal static class ImportedPlaces
{
    /// <summary>How far the nearest GeoNames place may be for a new entry to take its admin1 (and admin2).</summary>
    private const double AdminSearchKm = 100;

    /// <summary>Applies every layer in order; a malformed file or a dangling same_as throws <see cref="InvalidDataException"/> naming it.</summary>
    public static void Apply(IEnumerable<GazetteerLayer> layers, List<GazetteerEntry> entries, TargetIndex targets, List<(string Name, int Entry)> aliases)
    {
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var byPCode = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].PCode is { } pcode) byPCode.TryAdd(pcode, i);
        }
        var created = new List<(int Index, string? Parent)>();
        foreach (var layer in layers)
        {
            var sites = File.Exists(layer.SitesPath) ? SitesFile.Read(layer.SitesPath) : [];
            var areas = File.Exists(layer.AreasPath) ? AreasFile.Read(layer.AreasPath) : [];
            foreach (var row in sites)
            {
                var where = $"{layer.SitesPath}:{row.Line}";
                var index = Target(row.SameAs, row.Key, where);
                if (index < 0)
                {
                    index = Create(row.Key, row.Name, row.Alternates, row.Type, row.Latitude, row.Longitude, row.Country, row.PCode, row.Population ?? 0, null, where);
                    created.Add((index, row.Parent));
                }
                else
                {
                    Merge(index, row.Name, row.Alternates, row.PCode, row.Population);
                }
                Remember(row.Key, row.PCode, index);
            }
            foreach (var area in areas)
            {
                var where = $"{layer.AreasPath}: feature {area.Feature} ('{area.Key}')";
                var index = Target(area.SameAs, area.Key, where);
                if (index < 0)
                {
                    var point = area.Geometry.InteriorPoint;
                    index = Create(area.Key, area.Name, area.Alternates, area.Type, point.Y, point.X, area.Country, area.PCode, 0, area.Geometry, where);
                    created.Add((index, area.Parent));
                }
                else
                {
                    Merge(index, area.Name, area.Alternates, area.PCode, null);
                }
                entries[index] = entries[index] with { Boundary = area.Geometry, BoundaryApproximate = area.Approximate };
                Remember(area.Key, area.PCode, index);
            }
        }
        DeriveAdmins(entries, created, byKey, byPCode);

        int Target(string? sameAs, string key, string where)
        {
            if (sameAs is not null)
                return targets.Resolve(sameAs) ?? throw new InvalidDataException($"{where}: same_as '{sameAs}' is not in the gazetteer (geonames:ID, adm1:CC.CODE, adm2:CC.A1.A2, region:KEY or country:CC)");
            return byKey.GetValueOrDefault(key, -1);
        }

        void Remember(string key, string? pcode, int index)
        {
            byKey[key] = index;
            if (pcode is not null) byPCode.TryAdd(pcode, index);
        }

        int Create(string key, string name, IReadOnlyList<string> alternates, SiteType type, double lat, double lon, string country, string? pcode, long population, Geometry? boundary, string where)
        {
            if (!targets.Countries.ContainsKey(country)) throw new InvalidDataException($"{where}: country '{country}' is not in the gazetteer");
            var (kind, featureCode) = SiteTypes.Classify(type);
            var index = entries.Count;
            var others = alternates.Where(a => a != name).Distinct(StringComparer.Ordinal).ToArray();
            entries.Add(new GazetteerEntry
            {
                Id = StableId.Of("hum:" + key),
                Name = name,
                Kind = kind,
                FeatureCode = featureCode,
                Latitude = Math.Round(lat, 6),
                Longitude = Math.Round(lon, 6),
                CountryCode = country,
                PCode = pcode,
                Population = population,
                Boundary = boundary,
                AlternateNames = others,
            });
            foreach (var a in others) aliases.Add((a, index));
            return index;
        }

        void Merge(int index, string name, IReadOnlyList<string> alternates, string? pcode, long? population)
        {
            var e = entries[index];
            var added = alternates.Prepend(name).Where(a => a != e.Name && !e.AlternateNames.Contains(a)).Distinct(StringComparer.Ordinal).ToArray();
            entries[index] = e with
            {
                AlternateNames = [.. e.AlternateNames, .. added],
                PCode = e.PCode ?? pcode,
                Population = e.Population == 0 && population is { } p ? p : e.Population,
            };
            foreach (var a in added) aliases.Add((a, index));
        }
    }

    /// <summary>New entries take the admin1 (places also the admin2) of the nearest GeoNames place in their country,
    /// else of their parent; the geoparser uses them for "same state as the article's other places".</summary>
    private static void DeriveAdmins(List<GazetteerEntry> entries, List<(int Index, string? Parent)> created, Dictionary<string, int> byKey, Dictionary<string, int> byPCode)
    {
        if (created.Count == 0) return;
        var countries = created.Select(c => entries[c.Index].CountryCode).ToHashSet(StringComparer.Ordinal);
        var places = entries.Where(e => e.Kind == PlaceKind.City && e.Id > 0 && e.Admin1Code.Length > 0 && countries.Contains(e.CountryCode))
            .GroupBy(e => e.CountryCode)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        foreach (var (index, _) in created)
        {
            var e = entries[index];
            GazetteerEntry? nearest = null;
            var best = AdminSearchKm;
            foreach (var p in places.GetValueOrDefault(e.CountryCode) ?? [])
            {
                var km = Geoparsing.Geo.Kilometres(e.Latitude, e.Longitude, p.Latitude, p.Longitude);
                if (km < best) (best, nearest) = (km, p);
            }
            if (nearest is null) continue;
            var isPlace = e.Kind == PlaceKind.City;
            entries[index] = e with
            {
                Admin1Code = nearest.Admin1Code,
                Admin1Name = nearest.Admin1Name,
                Admin2Code = isPlace ? nearest.Admin2Code : "",
                Admin2Name = isPlace ? nearest.Admin2Name : "",
            };
        }
        // No place near (a remote camp): the parent area's admin1, once parents have theirs.
        foreach (var (index, parent) in created)
        {
            if (entries[index].Admin1Code.Length > 0 || parent is null) continue;
            if (!byKey.TryGetValue(parent, out var p) && !byPCode.TryGetValue(parent, out p)) continue;
            entries[index] = entries[index] with { Admin1Code = entries[p].Admin1Code, Admin1Name = entries[p].Admin1Name };
        }
    }
}
