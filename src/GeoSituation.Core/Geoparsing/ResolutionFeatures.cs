using GeoSituation.Core.Gazetteer;

namespace GeoSituation.Core.Geoparsing;

/// <summary>The evidence for reading a toponym as one particular gazetteer entry.</summary>
/// <remarks>
/// A prior (what kind of place, how big, how its name is attached) and what the article says: a qualifier
/// ("Paris, Texas"), the countries and states of the article's other places, their distance, a direction word
/// ("southern Gaza"), and US local-government words (county, township, sheriff) that mark US local news.
/// A logistic model (<see cref="ResolverModel"/>) turns them into a score per reading.
/// </remarks>
public static class ResolutionFeatures
{
    public static readonly string[] Names =
    [
        "bias",
        "is-country", "is-dependency", "is-continent-or-territory", "is-region", "is-adm1", "is-adm2", "is-governorate", "is-city",
        "log-population", "is-capital", "is-adm1-seat", "is-adm2-seat",
        "primary-name", "alias", "alternate-name", "demonym",
        "largest-of-readings", "population-vs-largest",
        "qualifier-contains", "qualifier-conflicts", "direction-word-and-area",
        "country-share-of-others", "country-is-most-mentioned", "state-of-others", "contains-others",
        "near-others-150km", "near-others-1000km", "us-local-news",
        "log-readings", "exact-surface", "same-kind-as-list-neighbours",
        "city-alternate-names", "capital-as-government",
    ];

    public static int Count => Names.Length;

    internal static void Compute(in ResolutionInput input, GazetteerEntry e, NameSource source, Span<double> f)
    {
        f.Clear();
        var i = 0;
        f[i++] = 1;
        var isCity = e.Kind == PlaceKind.City;
        f[i++] = e.Kind == PlaceKind.Country && e.FeatureCode == "PCLI" ? 1 : 0;
        f[i++] = e.Kind == PlaceKind.Country && e.FeatureCode != "PCLI" ? 1 : 0;
        f[i++] = e.Kind == PlaceKind.Region && e.FeatureCode is "CONT" or "TERR" ? 1 : 0;
        f[i++] = e.Kind == PlaceKind.Region && e.FeatureCode is not ("CONT" or "TERR") ? 1 : 0;
        f[i++] = e.FeatureCode == "ADM1" ? 1 : 0;
        f[i++] = e.FeatureCode == "ADM2" && e.PCode is null ? 1 : 0;
        f[i++] = e.PCode is not null ? 1 : 0;
        f[i++] = isCity ? 1 : 0;
        f[i++] = Math.Log10(Math.Max(10, e.Population)) / 7;
        f[i++] = e.FeatureCode == "PPLC" ? 1 : 0;
        f[i++] = e.FeatureCode == "PPLA" ? 1 : 0;
        f[i++] = e.FeatureCode == "PPLA2" ? 1 : 0;
        f[i++] = source == NameSource.Primary ? 1 : 0;
        f[i++] = source == NameSource.Alias ? 1 : 0;
        f[i++] = source == NameSource.Alternate ? 1 : 0;
        f[i++] = source == NameSource.Demonym ? 1 : 0;
        f[i++] = e.Population >= input.LargestPopulation ? 1 : 0;
        f[i++] = input.LargestPopulation > 10 ? Math.Log10(Math.Max(10, e.Population)) / Math.Log10(input.LargestPopulation) : 1;

        if (input.Qualifier is { } q)
        {
            var fits = q.Kind == PlaceKind.Country ? e.CountryCode == q.CountryCode
                : q.FeatureCode == "ADM1" ? e.CountryCode == q.CountryCode && e.Admin1Code == q.Admin1Code
                : e.CountryCode == q.CountryCode && e.Admin1Code == q.Admin1Code && e.Admin2Code == q.Admin2Code;
            f[i++] = fits ? 1 : 0;
            f[i++] = fits ? 0 : 1;
        }
        else
        {
            i += 2;
        }
        f[i++] = input.Directional && e.Kind is PlaceKind.Region or PlaceKind.Country ? 1 : 0;

        var others = input.Others;
        var total = 0.0;
        var sameCountry = 0.0;
        var sameState = 0.0;
        var inside = 0.0;
        var near150 = 0.0;
        var near1000 = 0.0;
        var point = e.Kind is PlaceKind.City or PlaceKind.AdminArea;
        var latRad = double.DegreesToRadians(e.Latitude);
        var lonRad = double.DegreesToRadians(e.Longitude);
        var cosLat = Math.Cos(latRad);
        foreach (var other in others)
        {
            var (o, w) = (other.Entry, other.Weight);
            total += w;
            if (o.CountryCode.Length > 0 && o.CountryCode == e.CountryCode) sameCountry += w;
            if (e.Kind != PlaceKind.Country && e.Admin1Code.Length > 0 && o.CountryCode == e.CountryCode && o.Admin1Code == e.Admin1Code) sameState += w;
            var contains = e.Kind == PlaceKind.Country ? o.CountryCode == e.CountryCode && o.Kind != PlaceKind.Country
                : e.FeatureCode == "ADM1" && o.CountryCode == e.CountryCode && o.Admin1Code == e.Admin1Code && o.FeatureCode != "ADM1";
            if (contains) inside += w;
            if (point && o.Kind is PlaceKind.City or PlaceKind.AdminArea)
            {
                var km = Geo.ApproximateKilometres(latRad, lonRad, cosLat, other.LatRad, other.LonRad, other.CosLat);
                var capped = Math.Min(1, w);
                near150 = Math.Max(near150, capped * Math.Exp(-km / 150));
                near1000 = Math.Max(near1000, capped * Math.Exp(-km / 1000));
            }
        }
        f[i++] = total > 0 ? sameCountry / total : 0;
        f[i++] = e.CountryCode.Length > 0 && e.CountryCode == input.MostMentionedCountry ? 1 : 0;
        f[i++] = Math.Min(1, sameState);
        f[i++] = Math.Min(1, inside);
        f[i++] = near150;
        f[i++] = near1000;
        f[i++] = input.UsLocalNews && e.CountryCode == "US" ? 1 : 0;
        f[i++] = Math.Log(input.Readings) / 5;
        f[i++] = input.Surface == e.Name ? 1 : 0;
        // "Arizona, California, Colorado and Ontario": a name in a list is the same kind of place as its neighbours.
        if (input.ListNeighbourKinds.Length > 0)
        {
            var kind = KindClass(e);
            var same = 0;
            foreach (var k in input.ListNeighbourKinds) same += k == kind ? 1 : 0;
            f[i] = (double)same / input.ListNeighbourKinds.Length;
        }
        i++;
        // How many names a town has in other languages and scripts: Athens, Greece has dozens, Athens, Georgia a few.
        f[i++] = isCity ? Math.Log(1 + e.AlternateNameCount) / 4 : 0;
        // "Washington said", "officials in Beijing": a capital standing for its government.
        f[i++] = input.GovernmentVoice && e.FeatureCode == "PPLC" ? 1 : 0;
    }

    /// <summary>Country, state, county, town or region: the level of a place for list coherence.</summary>
    internal static int KindClass(GazetteerEntry e) => e.Kind switch
    {
        PlaceKind.Country => 0,
        PlaceKind.AdminArea when e.FeatureCode == "ADM1" => 1,
        PlaceKind.AdminArea => 2,
        PlaceKind.City => 3,
        _ => 4,
    };
}

/// <summary>What the article says around one toponym, shared by all its readings.</summary>
internal readonly record struct ResolutionInput(
    string Surface,
    int Readings,
    long LargestPopulation,
    GazetteerEntry? Qualifier,
    bool Directional,
    OtherPlace[] Others,
    string MostMentionedCountry,
    bool UsLocalNews,
    int[] ListNeighbourKinds,
    bool GovernmentVoice = false);

/// <summary>A place the article names elsewhere, with its mentions' summed weight and position ready for distances.</summary>
internal readonly record struct OtherPlace(GazetteerEntry Entry, double Weight, double LatRad, double LonRad, double CosLat)
{
    public static OtherPlace Of(GazetteerEntry e, double weight)
    {
        var lat = double.DegreesToRadians(e.Latitude);
        return new OtherPlace(e, weight, lat, double.DegreesToRadians(e.Longitude), Math.Cos(lat));
    }
}
