using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace GeoSituation.Core.Gazetteer;

/// <summary>Reads the committed geodata/ files (formats in geodata/README.md) into gazetteer entries.</summary>
internal static class GeodataReader
{
    /// <summary>The files whose size and time stamp decide whether the binary cache is still valid.</summary>
    public static readonly string[] SourceFiles =
        ["places.tsv.gz", "admin.tsv.gz", "countries.json", "country-boundaries.geojson.gz", "regions.geojson", "geonames-reference.tsv.gz", "aliases.tsv", "lexicon.tsv.gz"];

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    /// <summary>Reads geodata/, then merges geodata/humanitarian/ and the user's imports (<paramref name="userFolder"/>, may be null).</summary>
    public static GazetteerData Read(string dir, string? userFolder = null)
    {
        var boundaries = ReadCountryBoundaries(Path.Combine(dir, "country-boundaries.geojson.gz"));
        var entries = new List<GazetteerEntry>(200_000);
        var demonyms = new Dictionary<int, string[]>();
        var countryIndex = ReadCountries(Path.Combine(dir, "countries.json"), boundaries, entries, demonyms);
        var regionKeys = new Dictionary<string, int>(StringComparer.Ordinal);
        var pendingGovernorates = ReadRegions(Path.Combine(dir, "regions.geojson"), boundaries, entries, regionKeys);
        var adminIndex = ReadAdmins(Path.Combine(dir, "admin.tsv.gz"), entries, AliasFile.Omitted(Path.Combine(dir, "aliases.tsv")));
        var placeIndex = ReadPlaces(Path.Combine(dir, "places.tsv.gz"), entries, adminIndex);
        GeonamesReference.Apply(Path.Combine(dir, "geonames-reference.tsv.gz"), entries, countryIndex, regionKeys, adminIndex);
        FillCountryPopulations(entries, countryIndex);
        GovernorateBoundaries.Add(entries, regionKeys, placeIndex, pendingGovernorates);
        var targets = new TargetIndex(countryIndex, regionKeys, adminIndex, placeIndex);
        var (aliases, stops) = AliasFile.Apply(Path.Combine(dir, "aliases.tsv"), entries, targets);
        ImportedPlaces.Apply(UserGazetteer.Layers(dir, userFolder), entries, targets, aliases);
        return new GazetteerData(entries, demonyms, aliases, stops, ReadLexicon(Path.Combine(dir, "lexicon.tsv.gz")));
    }

    private static Dictionary<string, WordClass> ReadLexicon(string path)
    {
        var words = new Dictionary<string, WordClass>(StringComparer.Ordinal);
        foreach (var line in ReadLines(path))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var classes = WordClass.None;
            foreach (var c in line[(tab + 1)..].Split(','))
            {
                classes |= c switch
                {
                    "given" => WordClass.GivenName,
                    "surname" => WordClass.Surname,
                    "person" => WordClass.Person,
                    "honorific" => WordClass.Honorific,
                    "org" => WordClass.Organization,
                    "month" => WordClass.Month,
                    "weekday" => WordClass.Weekday,
                    "common" => WordClass.Common,
                    "dict" => WordClass.Dictionary,
                    _ => WordClass.None,
                };
            }
            words[line[..tab]] = classes;
        }
        return words;
    }

    private static Dictionary<string, Geometry> ReadCountryBoundaries(string path)
    {
        var polygonsByCountry = new Dictionary<string, List<Polygon>>(StringComparer.Ordinal);
        using var doc = JsonDocument.Parse(ReadGzip(path));
        foreach (var feature in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var iso2 = feature.GetProperty("properties").GetProperty("iso2").GetString()!;
            if (!polygonsByCountry.TryGetValue(iso2, out var list)) polygonsByCountry[iso2] = list = [];
            list.AddRange(GeoJsonPolygons(feature.GetProperty("geometry")));
        }
        return polygonsByCountry.ToDictionary(
            kv => kv.Key,
            kv => kv.Value.Count == 1 ? (Geometry)kv.Value[0] : Factory.CreateMultiPolygon([.. kv.Value]),
            StringComparer.Ordinal);
    }

    private static Dictionary<string, int> ReadCountries(
        string path, Dictionary<string, Geometry> boundaries, List<GazetteerEntry> entries, Dictionary<int, string[]> demonyms)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        foreach (var c in doc.RootElement.EnumerateArray())
        {
            var iso2 = c.GetProperty("iso2").GetString()!;
            var name = c.GetProperty("name").GetString()!;
            var alternates = new List<string> { c.GetProperty("official").GetString()! };
            alternates.AddRange(Strings(c, "altSpellings"));
            alternates.AddRange(Strings(c, "ar"));
            alternates.AddRange(Strings(c, "he"));
            index[iso2] = entries.Count;
            demonyms[entries.Count] = [.. Strings(c, "demonyms")];
            entries.Add(new GazetteerEntry
            {
                Id = c.GetProperty("id").GetInt64(),
                Name = name,
                Kind = PlaceKind.Country,
                Latitude = c.GetProperty("lat").GetDouble(),
                Longitude = c.GetProperty("lon").GetDouble(),
                CountryCode = iso2,
                FeatureCode = c.GetProperty("independent").GetBoolean() ? "PCLI" : "PCLD",
                Boundary = boundaries.GetValueOrDefault(iso2),
                AlternateNames = [.. alternates.Where(a => a != name).Distinct(StringComparer.Ordinal)],
            });
        }
        return index;
    }

    private static List<(GazetteerEntry Entry, long Seat, string Within, string Key)> ReadRegions(
        string path, Dictionary<string, Geometry> boundaries, List<GazetteerEntry> entries, Dictionary<string, int> regionKeys)
    {
        var governorates = new List<(GazetteerEntry, long, string, string)>();
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        foreach (var feature in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var p = feature.GetProperty("properties");
            var key = p.GetProperty("key").GetString()!;
            var country = p.GetProperty("country").GetString()!;
            Geometry? boundary = null;
            if (feature.GetProperty("geometry").ValueKind == JsonValueKind.Object)
            {
                var polygons = GeoJsonPolygons(feature.GetProperty("geometry")).ToArray();
                boundary = polygons.Length == 1 ? polygons[0] : Factory.CreateMultiPolygon(polygons);
                // country-coder's Gaza and West Bank include territorial waters; our Sinai is a sketch:
                // cutting them to the Natural Earth land outline of their country gives the land part.
                if (p.TryGetProperty("clipTo", out var clip) && boundaries.TryGetValue(clip.GetString()!, out var land))
                    boundary = Clip(boundary, land);
            }
            var entry = new GazetteerEntry
            {
                Id = p.GetProperty("id").GetInt64(),
                Name = p.GetProperty("name").GetString()!,
                Kind = p.GetProperty("kind").GetString() == "AdminArea" ? PlaceKind.AdminArea : PlaceKind.Region,
                Latitude = p.TryGetProperty("lat", out var lat) ? lat.GetDouble() : boundary?.Centroid.Y ?? 0,
                Longitude = p.TryGetProperty("lon", out var lon) ? lon.GetDouble() : boundary?.Centroid.X ?? 0,
                CountryCode = country,
                FeatureCode = p.GetProperty("fcode").GetString()!,
                PCode = p.TryGetProperty("pcode", out var pc) ? pc.GetString() : null,
                Iso3166_2 = p.TryGetProperty("iso3166_2", out var iso) ? iso.GetString() : null,
                Boundary = boundary,
                BoundaryApproximate = p.GetProperty("approximate").GetBoolean(),
                AlternateNames = [.. Strings(p, "alternates")],
            };
            if (p.TryGetProperty("voronoiOf", out var within))
            {
                governorates.Add((entry, p.GetProperty("seat").GetInt64(), within.GetString()!, key));
                continue;
            }
            regionKeys[key] = entries.Count;
            entries.Add(entry);
        }
        return governorates;
    }

    private static Dictionary<string, int> ReadAdmins(string path, List<GazetteerEntry> entries, HashSet<string> omitted)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var regionNames = entries.Where(e => e.Kind == PlaceKind.Region)
            .Select(e => (e.CountryCode, e.Name)).ToHashSet();
        foreach (var line in ReadLines(path))
        {
            var f = line.Split('\t');
            var code = f[2];
            var parts = code.Split('.');
            var name = f[3];
            var level = f[1];
            if (omitted.Contains($"adm{level}:{code}")) continue;
            // GeoNames has "Gaza Strip" and "West Bank" as admin1 too; the region entries stand for them.
            if (regionNames.Contains((parts[0], name))) continue;
            var admin1Name = level == "2" && index.TryGetValue($"{parts[0]}.{parts[1]}", out var a1) ? entries[a1].Name : "";
            index[code] = entries.Count;
            entries.Add(new GazetteerEntry
            {
                Id = long.Parse(f[0], CultureInfo.InvariantCulture),
                Name = name,
                Kind = PlaceKind.AdminArea,
                Latitude = double.Parse(f[4], CultureInfo.InvariantCulture),
                Longitude = double.Parse(f[5], CultureInfo.InvariantCulture),
                CountryCode = parts[0],
                FeatureCode = "ADM" + level,
                Admin1Code = parts[1],
                Admin2Code = parts.Length > 2 ? parts[2] : "",
                Admin1Name = level == "1" ? name : admin1Name,
                Admin2Name = level == "2" ? name : "",
                Population = long.Parse(f[7], CultureInfo.InvariantCulture),
            });
        }
        return index;
    }

    private static Dictionary<long, int> ReadPlaces(string path, List<GazetteerEntry> entries, Dictionary<string, int> admins)
    {
        var index = new Dictionary<long, int>();
        foreach (var line in ReadLines(path))
        {
            var f = line.Split('\t');
            var cc = f[5];
            var a1 = f[6];
            var a2 = f[7];
            var id = long.Parse(f[0], CultureInfo.InvariantCulture);
            index[id] = entries.Count;
            entries.Add(new GazetteerEntry
            {
                Id = id,
                Name = f[1],
                Kind = PlaceKind.City,
                Latitude = double.Parse(f[2], CultureInfo.InvariantCulture),
                Longitude = double.Parse(f[3], CultureInfo.InvariantCulture),
                FeatureCode = f[4],
                CountryCode = cc,
                Admin1Code = a1,
                Admin2Code = a2,
                Admin1Name = a1.Length > 0 && admins.TryGetValue($"{cc}.{a1}", out var i1) ? entries[i1].Name : "",
                Admin2Name = a2.Length > 0 && admins.TryGetValue($"{cc}.{a1}.{a2}", out var i2) ? entries[i2].Name : "",
                Population = long.Parse(f[8], CultureInfo.InvariantCulture),
                AlternateNames = f[9].Length == 0 ? [] : f[9].Split('|'),
            });
        }
        return index;
    }

    /// <summary>Our country source has no populations; the sum of its towns is a good enough prior.</summary>
    private static void FillCountryPopulations(List<GazetteerEntry> entries, Dictionary<string, int> countries)
    {
        var sums = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            if (e.Kind == PlaceKind.City) sums[e.CountryCode] = sums.GetValueOrDefault(e.CountryCode) + e.Population;
        }
        foreach (var (iso2, i) in countries)
            entries[i] = entries[i] with { Population = sums.GetValueOrDefault(iso2) };
    }

    /// <summary>Robust intersection: coordinates rounded to 4 decimals can make rings touch themselves.</summary>
    internal static Geometry Clip(Geometry a, Geometry b)
    {
        var result = OverlayNGRobust.Overlay(GeometryFixer.Fix(a), GeometryFixer.Fix(b), SpatialFunction.Intersection);
        result.SRID = 4326;
        return result;
    }

    internal static IEnumerable<Polygon> GeoJsonPolygons(JsonElement geometry)
    {
        var type = geometry.GetProperty("type").GetString();
        var coordinates = geometry.GetProperty("coordinates");
        if (type == "Polygon")
        {
            yield return Polygon(coordinates);
        }
        else if (type == "MultiPolygon")
        {
            foreach (var p in coordinates.EnumerateArray()) yield return Polygon(p);
        }
    }

    private static Polygon Polygon(JsonElement rings)
    {
        var linear = rings.EnumerateArray().Select(r =>
        {
            var coords = r.EnumerateArray().Select(c => new Coordinate(c[0].GetDouble(), c[1].GetDouble())).ToList();
            if (!coords[0].Equals2D(coords[^1])) coords.Add(coords[0].Copy());
            return Factory.CreateLinearRing([.. coords]);
        }).ToArray();
        return Factory.CreatePolygon(linear[0], linear[1..]);
    }

    private static IEnumerable<string> Strings(JsonElement obj, string property) =>
        obj.TryGetProperty(property, out var arr) ? arr.EnumerateArray().Select(s => s.GetString()!) : [];

    private static byte[] ReadGzip(string path)
    {
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var ms = new MemoryStream();
        gz.CopyTo(ms);
        return ms.ToArray();
    }

    internal static IEnumerable<string> ReadLines(string gzPath)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(gzPath), CompressionMode.Decompress));
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            yield return line;
        }
    }
}
