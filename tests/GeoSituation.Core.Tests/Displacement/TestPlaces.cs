using GeoSituation.Core.Gazetteer;
using GeoSituation.Core.Geoparsing;
using GeoSituation.Core.Text;

namespace GeoSituation.Core.Tests.Displacement;

/// <summary>Hand-made gazetteer entries and a tiny exact-match tagger, so extraction is tested apart from the geoparser.</summary>
/// <remarks>
/// GeoNames ids and coordinates are the real ones for the cities; countries and regions use negative ids as the
/// gazetteer does for places without a GeoNames id. Demonyms ("Palestinians", "Sudanese") are tagged as the
/// geoparser tags them, resolved to their country, so the extractors' demonym handling is exercised.
/// </remarks>
public static class TestPlaces
{
    public static readonly GazetteerEntry Rafah = City(281102, "Rafah", 31.29722, 34.24357, "PS");
    public static readonly GazetteerEntry KhanYunis = City(281124, "Khan Yunis", 31.34018, 34.30627, "PS");
    public static readonly GazetteerEntry GazaCity = City(281133, "Gaza", 31.50161, 34.46672, "PS");
    public static readonly GazetteerEntry DeirAlBalah = City(281141, "Deir al-Balah", 31.41834, 34.34933, "PS");
    public static readonly GazetteerEntry Jabalia = City(281129, "Jabalia", 31.5272, 34.48347, "PS");
    public static readonly GazetteerEntry Cairo = City(360630, "Cairo", 30.06263, 31.24967, "EG");
    public static readonly GazetteerEntry Paris = City(2988507, "Paris", 48.85341, 2.3488, "FR");
    public static readonly GazetteerEntry Khartoum = City(379252, "Khartoum", 15.55177, 32.53241, "SD");
    public static readonly GazetteerEntry ElFasher = City(379555, "El Fasher", 13.62793, 25.34936, "SD");
    public static readonly GazetteerEntry PortSudan = City(377039, "Port Sudan", 19.61745, 37.21644, "SD");
    public static readonly GazetteerEntry Kharkiv = City(706483, "Kharkiv", 49.98081, 36.25272, "UA");
    public static readonly GazetteerEntry Kherson = City(706448, "Kherson", 46.63695, 32.61458, "UA");
    public static readonly GazetteerEntry Goma = City(216281, "Goma", -1.67409, 29.22845, "CD");
    public static readonly GazetteerEntry Aleppo = City(170063, "Aleppo", 36.20124, 37.16117, "SY");
    public static readonly GazetteerEntry Idlib = City(169389, "Idlib", 35.93062, 36.63393, "SY");
    public static readonly GazetteerEntry GazaStrip = Area(-1001, "Gaza Strip", PlaceKind.Region, 31.42, 34.38, "PS");
    public static readonly GazetteerEntry WestBank = Area(-1002, "West Bank", PlaceKind.Region, 31.95, 35.25, "PS");
    public static readonly GazetteerEntry Darfur = Area(-1003, "Darfur", PlaceKind.Region, 13.5, 24.0, "SD");
    public static readonly GazetteerEntry RafahGovernorate = Area(-1275, "Rafah Governorate", PlaceKind.AdminArea, 31.28, 34.27, "PS") with { PCode = "PS0275" };
    public static readonly GazetteerEntry Palestine = Area(-2001, "Palestine", PlaceKind.Country, 31.9, 35.2, "PS");
    public static readonly GazetteerEntry Israel = Area(-2002, "Israel", PlaceKind.Country, 31.5, 34.8, "IL");
    public static readonly GazetteerEntry Egypt = Area(-2003, "Egypt", PlaceKind.Country, 26.8, 30.8, "EG");
    public static readonly GazetteerEntry Sudan = Area(-2004, "Sudan", PlaceKind.Country, 15.6, 32.5, "SD");
    public static readonly GazetteerEntry Poland = Area(-2005, "Poland", PlaceKind.Country, 52.0, 19.0, "PL");
    public static readonly GazetteerEntry Chad = Area(-2006, "Chad", PlaceKind.Country, 15.0, 19.0, "TD");
    public static readonly GazetteerEntry Rwanda = Area(-2007, "Rwanda", PlaceKind.Country, -2.0, 30.0, "RW");
    public static readonly GazetteerEntry Qatar = Area(-2008, "Qatar", PlaceKind.Country, 25.3, 51.2, "QA");
    public static readonly GazetteerEntry Ukraine = Area(-2009, "Ukraine", PlaceKind.Country, 49.0, 32.0, "UA");
    public static readonly GazetteerEntry Turkiye = Area(-2010, "Türkiye", PlaceKind.Country, 39.0, 35.0, "TR");

    // Longest names first, so "Gaza Strip" and "Gaza City" win over "Gaza", "Rafah Governorate" over "Rafah".
    private static readonly (string Name, GazetteerEntry Place)[] Names =
    [
        ("Rafah governorate", RafahGovernorate), ("Gaza Strip", GazaStrip), ("Gaza City", GazaCity),
        ("Khan Younis", KhanYunis), ("Khan Yunis", KhanYunis), ("Deir al-Balah", DeirAlBalah), ("El Fasher", ElFasher),
        ("Port Sudan", PortSudan), ("West Bank", WestBank), ("Palestinians", Palestine), ("Palestinian", Palestine),
        ("Israeli", Israel), ("Egyptian", Egypt), ("Sudanese", Sudan), ("Ukrainians", Ukraine), ("Qatari", Qatar),
        ("Rafah", Rafah), ("Gaza", GazaStrip), ("Jabalia", Jabalia), ("Cairo", Cairo), ("Paris", Paris),
        ("Khartoum", Khartoum), ("Kharkiv", Kharkiv), ("Kherson", Kherson), ("Goma", Goma), ("Aleppo", Aleppo),
        ("Idlib", Idlib), ("Darfur", Darfur), ("Israel", Israel), ("Egypt", Egypt), ("Sudan", Sudan), ("Poland", Poland),
        ("Chad", Chad), ("Rwanda", Rwanda), ("Qatar", Qatar), ("Ukraine", Ukraine), ("Turkish", Turkiye),
    ];

    /// <summary>Every whole-word occurrence of a known name, longest first, as toponyms with confidence 0.9.</summary>
    public static IReadOnlyList<Toponym> Tag(string text)
    {
        var found = new List<Toponym>();
        foreach (var (name, place) in Names)
        {
            for (var i = text.IndexOf(name, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(name, i + 1, StringComparison.OrdinalIgnoreCase))
            {
                var end = i + name.Length;
                var wholeWord = (i == 0 || !char.IsLetter(text[i - 1])) && (end == text.Length || !char.IsLetter(text[end]));
                if (!wholeWord || found.Any(t => t.Span.Overlaps(new TextSpan(i, end)))) continue;
                found.Add(new Toponym(new TextSpan(i, end), text[i..end], place, 0.9));
            }
        }
        found.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return found;
    }

    /// <summary>A toponym for a given stretch of text, for names the tagger does not know ("RefaTo").</summary>
    public static Toponym At(string text, string surface, GazetteerEntry place, int occurrence = 0)
    {
        var i = -1;
        for (var n = 0; n <= occurrence; n++) i = text.IndexOf(surface, i + 1, StringComparison.Ordinal);
        if (i < 0) throw new ArgumentException($"'{surface}' not in text", nameof(surface));
        return new Toponym(new TextSpan(i, i + surface.Length), surface, place, 0.9);
    }

    /// <summary>The entry with this gazetteer name ("Khan Yunis", "Gaza Strip").</summary>
    public static GazetteerEntry Named(string name) => Names.First(n => n.Place.Name == name).Place;

    private static GazetteerEntry City(long id, string name, double lat, double lon, string country) => new()
    {
        Id = id, Name = name, Kind = PlaceKind.City, Latitude = lat, Longitude = lon, CountryCode = country, FeatureCode = "PPL",
    };

    private static GazetteerEntry Area(long id, string name, PlaceKind kind, double lat, double lon, string country) => new()
    {
        Id = id, Name = name, Kind = kind, Latitude = lat, Longitude = lon, CountryCode = country,
    };
}
