using System.Globalization;
using GeoSituation.Core.Gazetteer;
using NetTopologySuite.Geometries;

namespace GeoSituation.Cli.GazetteerImport;

/// <summary>Turns the features of an OCHA COD-AB admin-boundary file into gazetteer areas.</summary>
/// <remarks>
/// Field conventions: the HDX/ITOS files name them <c>ADM2_PCODE</c>, <c>ADM2_EN</c>, <c>ADM2ALT1_EN</c>,
/// <c>ADM2_AR</c>, <c>ADM1_PCODE</c>, <c>ADM0_PCODE</c>; the newer FieldMaps ones <c>adm2_pcode</c>, <c>adm2_name</c>; the
/// OCHA "admin" tables <c>admin2Pcode</c>, <c>admin2Name_en</c>, <c>admin2AltName1_en</c>. Without --level the deepest
/// level with a P-code field is taken (an admin2 file also carries its admin1 and admin0 codes).
/// </remarks>
internal static class CodAbReader
{
    public static (List<GazetteerArea> Areas, SiteType Level, string Detected) Read(List<SourceFeature> features, ImportOptions options, string sourceName)
    {
        if (features.Count == 0) throw new InvalidDataException($"{options.File}: no features");
        var fields = new FieldNames(features.SelectMany(f => f.Attributes.Keys).Distinct(StringComparer.Ordinal));
        var level = options.Level switch
        {
            "admin1" => 1,
            "admin2" => 2,
            "admin3" => 3,
            null => new[] { 3, 2, 1 }.FirstOrDefault(n => fields.Find(PCodeFields(n)) is not null),
            var other => throw new InvalidDataException($"--level {other}: a boundary file takes admin1, admin2 or admin3 (site lists are CSV)"),
        };
        if (level == 0 && options.PCodeField is null)
            throw new InvalidDataException($"{options.File}: no P-code field found (ADM1_PCODE, ADM2_PCODE, admin2Pcode, ...); give --pcode-field and --level");
        if (level == 0) level = 1;
        var pcodeField = options.PCodeField is { } pf ? fields.Require(pf, "--pcode-field") : fields.Find(PCodeFields(level))!;
        var nameField = options.NameField is { } nf ? fields.Require(nf, "--name-field")
            : fields.Find(NameFields(level)) ?? throw new InvalidDataException($"{options.File}: no admin{level} name field found (ADM{level}_EN, admin{level}Name_en, ...); give --name-field");
        var altFields = options.AltNamesField is { } af
            ? af.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(f => fields.Require(f, "--alt-names-field")).ToArray()
            : AltNameFields(level).Select(c => fields.Find(c)).OfType<string>().Where(f => f != nameField).Distinct().ToArray();
        var parentField = options.ParentPCodeField is { } ppf ? fields.Require(ppf, "--parent-pcode-field")
            : level > 1 ? fields.Find(PCodeFields(level - 1)) : null;
        var countryField = fields.Find("ADM0_PCODE", "admin0Pcode", "adm0_pcode", "ISO2", "iso_2");

        var byPCode = new Dictionary<string, (GazetteerArea Area, List<Polygon> Parts)>(StringComparer.OrdinalIgnoreCase);
        foreach (var f in features)
        {
            var where = $"{options.File}: feature {f.Number}";
            var pcode = f.Attributes.GetValueOrDefault(pcodeField, "");
            if (pcode.Length == 0) throw new InvalidDataException($"{where}: no P-code in field {pcodeField}");
            where += $" ({pcodeField} {pcode})";
            var name = f.Attributes.GetValueOrDefault(nameField, "");
            if (name.Length == 0) throw new InvalidDataException($"{where}: no name in field {nameField}");
            var country = Country(options.Country ?? (countryField is null ? null : f.Attributes.GetValueOrDefault(countryField)), pcode, where);
            var parts = Polygons(f.Geometry, where);
            if (byPCode.TryGetValue(pcode, out var existing))
            {
                // Some files split an area into several features (islands); one entry, all parts.
                existing.Parts.AddRange(parts);
                continue;
            }
            var alternates = altFields.SelectMany(a => f.Attributes.GetValueOrDefault(a, "").Split('|', ';'))
                .Select(a => a.Trim()).Where(a => a.Length > 0 && a != name).Distinct(StringComparer.Ordinal).ToArray();
            var area = new GazetteerArea
            {
                Key = $"{country.ToLowerInvariant()}:{pcode.ToLowerInvariant()}",
                Name = name,
                Alternates = alternates,
                Type = level switch { 1 => SiteType.Admin1, 2 => SiteType.Admin2, _ => SiteType.Admin3 },
                Country = country,
                PCode = pcode,
                Parent = parentField is null ? null : f.Attributes.GetValueOrDefault(parentField) is { Length: > 0 } parent ? parent : null,
                Source = sourceName,
                Licence = "as published with the source (OCHA COD-AB: mostly CC BY-IGO 3.0)",
                Geometry = parts[0],
            };
            byPCode[pcode] = (area, parts);
        }
        var areas = byPCode.Values.Select(v =>
        {
            Geometry g = v.Parts.Count == 1 ? v.Parts[0] : new MultiPolygon([.. v.Parts]) { SRID = 4326 };
            g.SRID = 4326;
            return v.Area with { Geometry = g };
        }).ToList();
        var detected = $"level admin{level}, P-code {pcodeField}, name {nameField}" + (altFields.Length > 0 ? $", other names {string.Join('+', altFields)}" : "")
                       + (parentField is null ? "" : $", parent {parentField}");
        return (areas, areas[0].Type, detected);
    }

    private static string[] PCodeFields(int n) => [$"ADM{n}_PCODE", $"admin{n}Pcode", $"ADM{n}PCODE", $"adm{n}_code"];

    private static string[] NameFields(int n) => [$"ADM{n}_EN", $"admin{n}Name_en", $"adm{n}_name", $"ADM{n}_NAME", $"admin{n}Name", $"ADM{n}_REF", $"ADM{n}_FR", $"ADM{n}_ES", $"ADM{n}_PT", "name_en", "name"];

    private static string[] AltNameFields(int n) =>
        [$"ADM{n}ALT1_EN", $"ADM{n}ALT2_EN", $"ADM{n}_REF", $"ADM{n}_AR", $"ADM{n}ALT1_AR", $"admin{n}AltName1_en", $"admin{n}AltName2_en", $"admin{n}RefName", $"admin{n}Name_ar", $"adm{n}_name1", $"adm{n}_name2"];

    internal static string Country(string? given, string pcode, string where)
    {
        var country = (given ?? (pcode.Length >= 2 ? pcode[..2] : "")).Trim().ToUpperInvariant();
        if (country.Length != 2 || !country.All(char.IsAsciiLetterUpper))
            throw new InvalidDataException($"{where}: cannot tell the country ('{country}' is not an ISO 3166-1 alpha-2 code); give --country");
        return country;
    }

    private static List<Polygon> Polygons(Geometry? geometry, string where)
    {
        if (geometry is null || geometry.IsEmpty) throw new InvalidDataException($"{where}: no geometry");
        if (geometry is not (Polygon or MultiPolygon)) throw new InvalidDataException($"{where}: geometry is {geometry.GeometryType}, expected Polygon or MultiPolygon");
        foreach (var c in geometry.Coordinates)
        {
            if (double.IsNaN(c.X) || double.IsNaN(c.Y) || c.X is < -180 or > 180 || c.Y is < -90 or > 90)
                throw new InvalidDataException($"{where}: coordinate {c.X.ToString(CultureInfo.InvariantCulture)} {c.Y.ToString(CultureInfo.InvariantCulture)} is not WGS 84 longitude/latitude; convert the file: ogr2ogr -t_srs EPSG:4326 out.gpkg in");
        }
        Geometry valid;
        try
        {
            valid = AreasFile.Repair(geometry, "");
        }
        catch (InvalidDataException)
        {
            throw new InvalidDataException($"{where}: the polygon has no area");
        }
        return [.. Enumerable.Range(0, valid.NumGeometries).Select(valid.GetGeometryN).OfType<Polygon>()];
    }
}
