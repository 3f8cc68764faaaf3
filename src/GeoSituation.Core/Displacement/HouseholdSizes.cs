using System.Collections.Frozen;
using System.Globalization;

namespace GeoSituation.Core.Displacement;

/// <summary>People per household by country, to turn "60,000 households" or "3,240 families" into people.</summary>
/// <remarks>
/// <para>Read once, on first use, from geodata/household-sizes.tsv (<see cref="Gazetteer.Gazetteer.LocateGeodata"/>),
/// or from the TSV of the same format that <c>$GEOSITUATION_HOUSEHOLD_SIZES</c> names. The values are approximate
/// planning defaults (UN DESA national averages, see the file's comment); an operation that knows its own
/// household size configures it in its own copy of the file.</para>
/// <para>Format: a <c>#country size source</c> header, <c>#</c> comment lines, then one tab-separated row per ISO
/// 3166-1 alpha-2 code and a <c>*</c> row for every other country. A malformed row stops the load with the file
/// and line number, so a typo in an override never silently turns into the default.</para>
/// <para>Thread-safe: the table is immutable once loaded.</para>
/// </remarks>
internal static class HouseholdSizes
{
    /// <summary>Environment variable naming a TSV that replaces geodata/household-sizes.tsv.</summary>
    public const string EnvironmentVariable = "GEOSITUATION_HOUSEHOLD_SIZES";

    public const string FileName = "household-sizes.tsv";

    /// <summary>The size used when a file has no <c>*</c> row.</summary>
    public const double FallbackDefault = 5.0;

    private static readonly Lazy<HouseholdSizeTable> Shared = new(LoadConfigured);

    /// <summary>People per household in the country (ISO 3166-1 alpha-2, any case); the default for null or an unlisted code.</summary>
    public static double For(string? countryCode) => Shared.Value.For(countryCode);

    /// <summary>The configured table, read now: <c>$GEOSITUATION_HOUSEHOLD_SIZES</c> if set, else geodata/household-sizes.tsv.</summary>
    public static HouseholdSizeTable LoadConfigured()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return Load(string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(Gazetteer.Gazetteer.LocateGeodata(), FileName)
            : Path.GetFullPath(configured));
    }

    /// <summary>Reads a household-size TSV from an explicit path.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">A row is malformed; the message names the file and line.</exception>
    public static HouseholdSizeTable Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"No household-size table at '{path}' (see geodata/README.md).", path);
        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    /// <summary>Reads a household-size TSV; <paramref name="sourceName"/> names it in error messages.</summary>
    public static HouseholdSizeTable Parse(TextReader reader, string sourceName)
    {
        var sizes = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        double? fallback = null;
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line[0] == '#' || string.IsNullOrWhiteSpace(line)) continue;
            var fields = line.Split('\t');
            var country = fields[0].Trim();
            if (fields.Length < 2)
                throw Bad(sourceName, number, line, "expected 'country<TAB>size<TAB>source'");
            if (country != "*" && !(country.Length == 2 && char.IsAsciiLetter(country[0]) && char.IsAsciiLetter(country[1])))
                throw Bad(sourceName, number, line, $"'{country}' is not an ISO 3166-1 alpha-2 code or '*'");
            if (!double.TryParse(fields[1].Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var size) || size < 1 || size > 30)
                throw Bad(sourceName, number, line, $"'{fields[1].Trim()}' is not a household size between 1 and 30 (a dot for decimals)");
            if (country == "*")
            {
                if (fallback is not null) throw Bad(sourceName, number, line, "a second '*' row");
                fallback = size;
            }
            else if (!sizes.TryAdd(country, size))
            {
                throw Bad(sourceName, number, line, $"'{country}' is listed twice");
            }
        }
        return new HouseholdSizeTable(sizes.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), fallback ?? FallbackDefault, sourceName);
    }

    private static InvalidDataException Bad(string sourceName, int number, string line, string why) =>
        new($"{sourceName}, line {number}: {why}: \"{line}\".");
}

/// <summary>A loaded household-size table (see <see cref="HouseholdSizes"/>).</summary>
internal sealed class HouseholdSizeTable(FrozenDictionary<string, double> sizes, double fallback, string source)
{
    /// <summary>The size for countries the table does not list (its <c>*</c> row).</summary>
    public double Default => fallback;

    /// <summary>Where the table was read from.</summary>
    public string Source => source;

    public int Count => sizes.Count;

    public double For(string? countryCode) =>
        countryCode is not null && sizes.TryGetValue(countryCode.Trim(), out var size) ? size : fallback;
}
