using System.Text.Json;

namespace GeoSituation.Core.Gazetteer;

/// <summary>A country's ISO 3166-1 codes and its common English name.</summary>
/// <param name="Numeric">ISO 3166-1 numeric (countries.json <c>ccn3</c>), e.g. 275 for Palestine.</param>
public sealed record CountryCode(string Iso2, string Iso3, int Numeric, string Name);

/// <summary>ISO 3166-1 codes by alpha-2 code, read from geodata/countries.json alone (the gazetteer is not needed).</summary>
public sealed class CountryCodes
{
    private readonly Dictionary<string, CountryCode> byIso2;

    private CountryCodes(Dictionary<string, CountryCode> byIso2) => this.byIso2 = byIso2;

    /// <summary>Reads countries.json in <paramref name="geodataDirectory"/> (see <see cref="Gazetteer.LocateGeodata"/>).</summary>
    public static CountryCodes Load(string geodataDirectory)
    {
        var codes = new Dictionary<string, CountryCode>(StringComparer.OrdinalIgnoreCase);
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(geodataDirectory, "countries.json")));
        foreach (var country in document.RootElement.EnumerateArray())
        {
            var iso2 = country.GetProperty("iso2").GetString()!;
            var numeric = country.TryGetProperty("ccn3", out var ccn3) && int.TryParse(ccn3.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
            codes[iso2] = new CountryCode(iso2, country.GetProperty("iso3").GetString()!, numeric, country.GetProperty("name").GetString()!);
        }
        return new CountryCodes(codes);
    }

    /// <summary>The country of an alpha-2 code, or null for an empty or unknown one.</summary>
    public CountryCode? Find(string? iso2) => iso2 is not null && byIso2.TryGetValue(iso2, out var country) ? country : null;
}
