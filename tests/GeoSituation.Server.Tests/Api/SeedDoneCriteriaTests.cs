using System.Text.Json;

namespace GeoSituation.Server.Tests.Api;

/// <summary>Issue 2's done criteria, checked on a fresh server that ingested seeds/ by itself.</summary>
[Collection(ServerCollection.Name)]
public sealed class SeedDoneCriteriaTests(ServerFixture server)
{
    // GeoNames coordinates (cities500) of the places the seed names.
    public static TheoryData<string, double, double> SeedPlaces => new()
    {
        { "Rafah", 31.29722, 34.24357 },
        { "Khan Yunis", 31.34018, 34.30627 },
        { "Cairo", 30.06263, 31.24967 },
        { "Paris", 48.85341, 2.3488 },
    };

    [Theory]
    [MemberData(nameof(SeedPlaces))]
    public async Task Places_collection_has_each_seed_place_within_5_km_of_GeoNames(string name, double lat, double lon)
    {
        var page = await server.GetJsonAsync("/collections/places/items?limit=1000");
        var nearest = page.GetProperty("features").EnumerateArray()
            .Select(f => (Feature: f, Km: DistanceKm(lat, lon, f.GetProperty("geometry").GetProperty("coordinates")[1].GetDouble(), f.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble())))
            .Where(x => x.Feature.GetProperty("properties").GetProperty("kind").GetString() is "city" or "admin")
            .OrderBy(x => x.Km)
            .First();
        Assert.True(nearest.Km <= 5, $"{name}: nearest place {nearest.Feature.GetProperty("properties").GetProperty("name")} is {nearest.Km:0.0} km away");
        Assert.True(nearest.Feature.GetProperty("properties").GetProperty("mentions").GetInt32() >= 1);
    }

    // GeoNames ids (countryInfo.txt; admin1CodesASCII.txt PS.GZ) of the countries and the area the seed names.
    public static TheoryData<string, long> SeedAreas => new()
    {
        { "Qatar", 289688 }, { "Egypt", 357994 }, { "Israel", 294640 }, { "Palestine", 6254930 },
        { "United States", 6252001 }, { "Iran", 130758 }, { "Gaza Strip", 281132 },
    };

    [Theory]
    [MemberData(nameof(SeedAreas))]
    public async Task Places_collection_serves_seed_countries_and_the_Gaza_Strip_with_their_GeoNames_ids(string name, long geonameId)
    {
        var page = await server.GetJsonAsync("/collections/places/items?limit=1000");
        var place = Assert.Single(page.GetProperty("features").EnumerateArray(),
            f => f.GetProperty("properties").GetProperty("geonameid") is { ValueKind: JsonValueKind.Number } id && id.GetInt64() == geonameId);
        Assert.Equal(name, place.GetProperty("properties").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Places_collection_has_Gaza()
    {
        // The seed names "the Gaza Strip", never Gaza City: either resolution is on the map near Gaza City (GeoNames 281133).
        var page = await server.GetJsonAsync("/collections/places/items?limit=1000");
        Assert.Contains(page.GetProperty("features").EnumerateArray(), f =>
            f.GetProperty("properties").GetProperty("name").GetString()!.Contains("Gaza", StringComparison.Ordinal)
            && DistanceKm(31.50161, 34.46672, f.GetProperty("geometry").GetProperty("coordinates")[1].GetDouble(), f.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble()) <= 15);
    }

    [Fact]
    public async Task Displacement_collection_holds_1_4_million_at_Rafah()
    {
        var page = await server.GetJsonAsync("/collections/displacement/items?limit=100");
        var figures = page.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties")).ToList();
        var rafah = figures.Where(p => p.GetProperty("people").GetInt64() == 1_400_000).ToList();
        Assert.NotEmpty(rafah);
        // GeoNames spells it "Rafaḩ"; the place is checked by its coordinates below.
        Assert.StartsWith("Rafa", rafah[0].GetProperty("place").GetString());
        var feature = page.GetProperty("features").EnumerateArray().First(f => f.GetProperty("properties").GetProperty("people").GetInt64() == 1_400_000);
        var coordinates = feature.GetProperty("geometry").GetProperty("coordinates");
        Assert.True(DistanceKm(31.29722, 34.24357, coordinates[1].GetDouble(), coordinates[0].GetDouble()) <= 5);
        Assert.Contains("1.4 million", rafah[0].GetProperty("quote").GetString());
    }

    internal static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(lat2 - lat1);
        var dLon = Radians(lon2 - lon1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 6371 * 2 * Math.Asin(Math.Sqrt(a));
    }
}
