using System.Globalization;
using System.Text;
using GeoSituation.Core.Gazetteer;

namespace GeoSituation.Cli.GazetteerImport;

/// <summary>Reads a site list (camps, collective centres, neighbourhoods) from CSV into gazetteer sites.</summary>
/// <remarks>
/// Columns are found by header name, case-insensitively (name, alternate names, lat, lon, type, pcode, parent,
/// country, population), or by HXL hashtag (#loc+name, #geo+lat, #geo+lon, #loc+type, #loc+code, #adm2+code,
/// #country+code, #population): a hashtag row right under the header, or in place of one, is used for detection
/// and never read as data. Options --name-field etc. name a column by header or hashtag.
/// </remarks>
internal static class SiteCsvReader
{
    public static (List<GazetteerSite> Sites, string Detected) Read(ImportOptions options, string sourceName)
    {
        var records = Parse(options.File);
        if (records.Count == 0) throw new InvalidDataException($"{options.File}: empty");
        var header = records[0].Record;
        string[]? hxl = null;
        var first = 1;
        if (IsHxl(header))
        {
            hxl = header;
        }
        else if (records.Count > 1 && IsHxl(records[1].Record))
        {
            hxl = records[1].Record;
            first = 2;
        }
        int Column(string? option, string optionName, string[] names, string[] tags, bool required)
        {
            if (option is not null)
            {
                var i = Array.FindIndex(header, h => string.Equals(h.Trim(), option, StringComparison.OrdinalIgnoreCase));
                if (i < 0 && hxl is not null) i = Array.FindIndex(hxl, h => string.Equals(h.Trim(), option, StringComparison.OrdinalIgnoreCase));
                if (i < 0) throw new InvalidDataException($"{optionName} {option}: no such column; the header is {string.Join(", ", header)}");
                return i;
            }
            foreach (var name in names)
            {
                var i = Array.FindIndex(header, h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
                if (i >= 0) return i;
            }
            if (hxl is not null)
            {
                foreach (var tag in tags)
                {
                    var i = Array.FindIndex(hxl, h => HxlMatches(h, tag));
                    if (i >= 0) return i;
                }
            }
            if (required) throw new InvalidDataException($"{options.File}: no {names[0]} column (header names: {string.Join(", ", names)}; HXL: {string.Join(", ", tags)})");
            return -1;
        }
        var nameColumn = Column(options.NameField, "--name-field", ["name", "site name", "site_name", "location", "location name"], ["#loc+name"], true);
        var altColumn = Column(options.AltNamesField, "--alt-names-field", ["alternate names", "alternate_names", "alternates", "alt names", "alt_names", "other names"], ["#loc+name+alt", "#loc+alt"], false);
        var latColumn = Column(null, "", ["lat", "latitude", "y"], ["#geo+lat"], true);
        var lonColumn = Column(null, "", ["lon", "lng", "long", "longitude", "x"], ["#geo+lon"], true);
        var typeColumn = Column(null, "", ["type", "site type", "site_type"], ["#loc+type"], false);
        var pcodeColumn = Column(options.PCodeField, "--pcode-field", ["pcode", "p-code", "p_code", "site pcode", "site_pcode", "site code", "site_id"], ["#loc+code"], false);
        var parentColumn = Column(options.ParentPCodeField, "--parent-pcode-field", ["parent", "parent pcode", "parent_pcode", "adm3_pcode", "adm2_pcode", "adm1_pcode", "admin2pcode", "admin1pcode"],
            ["#adm3+code", "#adm2+code", "#adm1+code"], false);
        var countryColumn = Column(null, "", ["country", "iso2", "country code", "country_code"], ["#country+code"], false);
        var populationColumn = Column(null, "", ["population", "individuals", "people"], ["#population", "#affected+ind"], false);

        var sites = new List<GazetteerSite>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (record, line) in records.Skip(first))
        {
            if (record.All(string.IsNullOrWhiteSpace)) continue;
            var where = $"{options.File}:{line}";
            string Cell(int column) => column >= 0 && column < record.Length ? record[column].Trim() : "";
            var name = Cell(nameColumn);
            if (name.Length == 0) throw new InvalidDataException($"{where}: no name");
            if (!double.TryParse(Cell(latColumn), NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) || lat is < -90 or > 90)
                throw new InvalidDataException($"{where}: '{name}': latitude '{Cell(latColumn)}' is not a number from -90 to 90");
            if (!double.TryParse(Cell(lonColumn), NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) || lon is < -180 or > 180)
                throw new InvalidDataException($"{where}: '{name}': longitude '{Cell(lonColumn)}' is not a number from -180 to 180");
            var pcode = Cell(pcodeColumn);
            var parent = Cell(parentColumn);
            // Admin P-codes start with the ISO 3166-1 code; site codes usually do too.
            var country = CodAbReader.Country(options.Country ?? NullIfEmpty(Cell(countryColumn)), parent.Length > 0 ? parent : pcode, where);
            var typeText = Cell(typeColumn);
            var type = SiteType.Camp;
            if (typeText.Length > 0 && !TryType(typeText, out type))
                throw new InvalidDataException($"{where}: '{name}': unknown type '{typeText}' (camp, site, collective centre, informal settlement, neighbourhood, locality, village, town)");
            long? population = null;
            var populationText = Cell(populationColumn).Replace(",", "", StringComparison.Ordinal);
            if (populationText.Length > 0)
            {
                if (!long.TryParse(populationText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) || p < 0)
                    throw new InvalidDataException($"{where}: '{name}': population '{Cell(populationColumn)}' is not a whole number");
                population = p;
            }
            var baseKey = $"{country.ToLowerInvariant()}:{(pcode.Length > 0 ? pcode.ToLowerInvariant() : Slug(name))}";
            var key = baseKey;
            for (var n = 2; !keys.Add(key); n++) key = $"{baseKey}-{n}";
            sites.Add(new GazetteerSite
            {
                Key = key, Name = name, Type = type, Latitude = lat, Longitude = lon, Country = country,
                Alternates = [.. Cell(altColumn).Split('|', ';').Select(a => a.Trim()).Where(a => a.Length > 0 && a != name).Distinct(StringComparer.Ordinal)],
                PCode = NullIfEmpty(pcode), Parent = NullIfEmpty(parent), Population = population, Source = sourceName, Licence = "as published with the source",
                Line = line,
            });
        }
        if (sites.Count == 0) throw new InvalidDataException($"{options.File}: no rows");
        var detected = $"name '{header[nameColumn]}', lat '{header[latColumn]}', lon '{header[lonColumn]}'" + (hxl is null ? "" : " (HXL row used)");
        return (sites, detected);
    }

    private static bool IsHxl(string[] record) =>
        record.Count(c => c.TrimStart().StartsWith('#')) is var tags && tags > 0 && tags >= record.Count(c => c.Trim().Length > 0) / 2.0;

    // "#geo +lat" and "#geo+lat+deg" match "#geo+lat": the tag and the wanted attributes, in any order.
    private static bool HxlMatches(string cell, string wanted)
    {
        var have = cell.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant().Split('+');
        var want = wanted.ToLowerInvariant().Split('+');
        return have[0] == want[0] && want.Skip(1).All(have.Skip(1).Contains) && (want.Length > 1 || have.Length == 1 || !have.Contains("alt"));
    }

    private static bool TryType(string text, out SiteType type)
    {
        if (SiteTypes.TryParse(text, out type)) return true;
        (var ok, type) = text.Trim().ToLowerInvariant() switch
        {
            "site" or "idp site" or "idp camp" or "refugee camp" or "collective centre" or "collective center" or "informal settlement" or "settlement" or "transit site" or "reception centre" => (true, SiteType.Camp),
            "village" or "town" or "city" => (true, SiteType.Locality),
            "district" or "quarter" => (true, SiteType.Neighbourhood),
            _ => (false, SiteType.Camp),
        };
        return ok;
    }

    private static string Slug(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in NameNormalizer.Normalize(name))
        {
            if (char.IsLetterOrDigit(c)) slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        return slug.ToString().Trim('-');
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    /// <summary>RFC 4180 CSV (quotes, doubled quotes, line breaks in quotes), UTF-8 with or without BOM; ',' or ';' or tab, from the header.</summary>
    private static List<(string[] Record, int Line)> Parse(string path)
    {
        var text = File.ReadAllText(path, Encoding.UTF8);
        var firstLine = text.Split('\n', 2)[0];
        var separator = new[] { ',', ';', '\t' }.MaxBy(s => firstLine.Count(c => c == s));
        var records = new List<(string[], int)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        var recordLine = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; field.Append(c); }
                continue;
            }
            if (c == '"' && field.Length == 0) quoted = true;
            else if (c == separator) { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\n')
            {
                fields.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                records.Add(([.. fields], recordLine));
                fields.Clear();
                line++;
                recordLine = line;
            }
            else field.Append(c);
        }
        if (quoted) throw new InvalidDataException($"{path}:{recordLine}: a quoted field is never closed");
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString().TrimEnd('\r'));
            records.Add(([.. fields], recordLine));
        }
        return records;
    }
}
