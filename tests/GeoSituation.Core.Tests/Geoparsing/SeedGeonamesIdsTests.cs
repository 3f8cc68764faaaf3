using GeoSituation.Core.Geoparsing;
using GeoSituation.Core.Tests.Gazetteer;

namespace GeoSituation.Core.Tests.Geoparsing;

/// <summary>The seed article's places come out with the GeoNames ids a GIS user joins on (issue 14): cities and,
/// since geonames-reference.tsv.gz, countries and the Gaza Strip too.</summary>
[Collection(GazetteerCollection.Name)]
public sealed class SeedGeonamesIdsTests(GazetteerFixture fixture)
{
    // GeoNames ids (countryInfo.txt, admin1CodesASCII.txt PS.GZ, cities500).
    public static TheoryData<string, long> SeedPlaces => new()
    {
        { "Qatar", 289688 }, { "Egypt", 357994 }, { "Israel", 294640 }, { "Palestine", 6254930 },
        { "United States", 6252001 }, { "Iran", 130758 }, { "Gaza Strip", 281132 },
        { "Rafah", 281102 }, { "Khan Yunis", 281124 }, { "Cairo", 360630 },
    };

    [Theory]
    [MemberData(nameof(SeedPlaces))]
    public void Seed_article_resolves_the_place_to_its_GeoNames_id(string name, long geonameId)
    {
        var seeds = Path.Combine(Path.GetDirectoryName(Core.Gazetteer.Gazetteer.LocateGeodata())!, "seeds");
        var toponyms = Directory.GetFiles(seeds, "*.txt").SelectMany(f => new Geoparser(fixture.Gazetteer).Parse(File.ReadAllText(f))).ToList();
        var place = fixture.Gazetteer.Get(geonameId);
        Assert.NotNull(place);
        Assert.Contains(toponyms, t => t.Place.Id == geonameId && (t.Place.Name == name || t.Place.AlternateNames.Contains(name)));
    }
}
