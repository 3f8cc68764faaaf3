using System.Globalization;
using System.Text;

namespace GeoSituation.Core.Gazetteer;

/// <summary>One row of a sites file (geodata/humanitarian/sites.tsv or an import's <c>NAME.sites.tsv</c>).</summary>
/// <remarks>Columns and meaning in geodata/humanitarian/README.md. <see cref="Line"/> is where it was read (0 when made in code).</remarks>
public sealed record GazetteerSite
{
    public required string Key { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> Alternates { get; init; } = [];
    public SiteType Type { get; init; }
    /// <summary>WGS 84 degrees; NaN for a <see cref="SameAs"/> row that gives no point.</summary>
    public double Latitude { get; init; } = double.NaN;
    public double Longitude { get; init; } = double.NaN;
    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    public string Country { get; init; } = "";
    public string? PCode { get; init; }
    /// <summary>Key or P-code of the containing area.</summary>
    public string? Parent { get; init; }
    /// <summary>The existing entry this row describes (<c>geonames:ID</c>, <c>adm1:CC.CODE</c>, <c>region:KEY</c>, ...).</summary>
    public string? SameAs { get; init; }
    public long? Population { get; init; }
    public string Source { get; init; } = "";
    public string Licence { get; init; } = "";
    public int Line { get; init; }
}

/// <summary>Reads and writes the tab-separated sites format.</summary>
public static class SitesFile
{
    public const string Header = "#key\tname\talternates\ttype\tlat\tlon\tcountry\tpcode\tparent\tsame_as\tpopulation\tsource\tlicence";
    private const int Columns = 13;

    /// <summary>Reads every row; a malformed one throws <see cref="InvalidDataException"/> naming the file and line.</summary>
    public static List<GazetteerSite> Read(string path)
    {
        var rows = new List<GazetteerSite>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path, Encoding.UTF8))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            if (f.Length > Columns) throw Bad($"{f.Length} columns, expected {Columns} ({Header[1..].Replace('\t', ' ')})");
            if (f.Length < Columns) f = [.. f, .. Enumerable.Repeat("", Columns - f.Length)];
            for (var i = 0; i < f.Length; i++) f[i] = f[i].Trim();
            var (key, name, sameAs) = (f[0], f[1], NullIfEmpty(f[9]));
            if (key.Length == 0) throw Bad("empty key");
            if (!keys.Add(key)) throw Bad($"key '{key}' appears twice");
            if (name.Length == 0) throw Bad($"'{key}' has no name");
            if (!SiteTypes.TryParse(f[3], out var type)) throw Bad($"'{key}': unknown type '{f[3]}' (one of {SiteTypes.Names})");
            var lat = double.NaN;
            var lon = double.NaN;
            if (f[4].Length > 0 || f[5].Length > 0 || sameAs is null)
            {
                if (!double.TryParse(f[4], NumberStyles.Float, CultureInfo.InvariantCulture, out lat) || lat is < -90 or > 90)
                    throw Bad($"'{key}': latitude '{f[4]}' is not a number from -90 to 90");
                if (!double.TryParse(f[5], NumberStyles.Float, CultureInfo.InvariantCulture, out lon) || lon is < -180 or > 180)
                    throw Bad($"'{key}': longitude '{f[5]}' is not a number from -180 to 180");
            }
            var country = f[6].ToUpperInvariant();
            if (sameAs is null && (country.Length != 2 || !country.All(char.IsAsciiLetterUpper)))
                throw Bad($"'{key}': country '{f[6]}' is not an ISO 3166-1 alpha-2 code");
            long? population = null;
            if (f[10].Length > 0)
            {
                if (!long.TryParse(f[10], NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) || p < 0)
                    throw Bad($"'{key}': population '{f[10]}' is not a whole number");
                population = p;
            }
            rows.Add(new GazetteerSite
            {
                Key = key, Name = name, Alternates = SplitAlternates(f[2]), Type = type, Latitude = lat, Longitude = lon,
                Country = country, PCode = NullIfEmpty(f[7]), Parent = NullIfEmpty(f[8]), SameAs = sameAs, Population = population,
                Source = f[11], Licence = f[12], Line = lineNumber,
            });
        }
        return rows;

        InvalidDataException Bad(string message) => new($"{path}:{lineNumber}: {message}");
    }

    /// <summary>Writes rows (header first); tabs and line breaks inside values become spaces.</summary>
    public static void Write(string path, IEnumerable<GazetteerSite> rows)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.NewLine = "\n";
        writer.WriteLine(Header);
        foreach (var r in rows)
        {
            string[] f =
            [
                r.Key, r.Name, string.Join('|', r.Alternates.Select(a => a.Replace("|", " ", StringComparison.Ordinal))), SiteTypes.Text(r.Type),
                double.IsNaN(r.Latitude) ? "" : Math.Round(r.Latitude, 6).ToString(CultureInfo.InvariantCulture),
                double.IsNaN(r.Longitude) ? "" : Math.Round(r.Longitude, 6).ToString(CultureInfo.InvariantCulture),
                r.Country, r.PCode ?? "", r.Parent ?? "", r.SameAs ?? "",
                r.Population?.ToString(CultureInfo.InvariantCulture) ?? "", r.Source, r.Licence,
            ];
            writer.WriteLine(string.Join('\t', f.Select(Clean)));
        }
    }

    private static string Clean(string value) =>
        value.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ').Trim();

    private static string[] SplitAlternates(string text) =>
        text.Length == 0 ? [] : [.. text.Split('|').Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal)];

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
