using GeoSituation.Core.Gazetteer;

namespace GeoSituation.Core.Tests.Gazetteer;

[Collection(GazetteerCollection.Name)]
public sealed class GazetteerTests(GazetteerFixture fixture)
{
    private readonly Core.Gazetteer.Gazetteer gazetteer = fixture.Gazetteer;

    [Fact]
    public void Loads_populated_places_countries_and_admin_areas()
    {
        Assert.True(gazetteer.Entries.Count > 150_000);
        Assert.Contains(gazetteer.Entries, e => e.Kind == PlaceKind.Country && e.CountryCode == "QA");
        Assert.Contains(gazetteer.Entries, e => e.FeatureCode == "ADM1" && e.Name == "Ohio");
    }

    [Fact]
    public void Get_finds_a_place_by_its_geonames_id()
    {
        var rafah = gazetteer.Get(281102);
        Assert.NotNull(rafah);
        Assert.Equal("PS", rafah.CountryCode);
        Assert.InRange(rafah.Latitude, 31.2, 31.4);
        Assert.InRange(rafah.Longitude, 34.1, 34.4);
    }

    [Theory]
    [InlineData("North Gaza Governorate", "PS0255", "PS-NGZ", 281129)]
    [InlineData("Gaza Governorate", "PS0260", "PS-GZA", 281133)]
    [InlineData("Deir al-Balah Governorate", "PS0265", "PS-DEB", 281141)]
    [InlineData("Khan Younis Governorate", "PS0270", "PS-KYS", 281124)]
    [InlineData("Rafah Governorate", "PS0275", "PS-RFH", 281102)]
    public void Gaza_governorates_have_pcodes_and_surveyed_polygons_around_their_seat(string name, string pcode, string iso, long seatId)
    {
        var governorate = Assert.Single(gazetteer.Entries, e => e.PCode == pcode);
        Assert.Equal(name, governorate.Name);
        Assert.Equal(iso, governorate.Iso3166_2);
        Assert.Equal(PlaceKind.AdminArea, governorate.Kind);
        // geodata/humanitarian/areas.geojson gives the real outlines (same_as), replacing the approximate Voronoi cells.
        Assert.False(governorate.BoundaryApproximate);
        Assert.NotNull(governorate.Boundary);
        Assert.Equal(4326, governorate.Boundary.SRID);
        var seat = gazetteer.Get(seatId)!;
        Assert.True(governorate.Boundary.Contains(governorate.Boundary.Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(seat.Longitude, seat.Latitude))));
    }

    [Fact]
    public void Governorates_cover_the_gaza_strip_without_overlap()
    {
        var strip = Assert.Single(gazetteer.Entries, e => e.Name == "Gaza Strip" && e.Kind == PlaceKind.Region);
        Assert.NotNull(strip.Boundary);
        var governorates = gazetteer.Entries.Where(e => e.FeatureCode == "ADM2" && e.PCode is { Length: 6 } p && p.StartsWith("PS02", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, governorates.Count);
        var overlap = 0.0;
        for (var i = 0; i < governorates.Count; i++)
        {
            for (var j = i + 1; j < governorates.Count; j++) overlap += governorates[i].Boundary!.Intersection(governorates[j].Boundary!).Area;
        }
        var total = governorates.Sum(g => g.Boundary!.Area);
        Assert.True(overlap < 0.01 * total, $"governorates overlap by {overlap / total:P1}");
        // The surveyed outlines reach a little further into the sea than Natural Earth's land: the union covers the land part.
        var union = NetTopologySuite.Operation.Union.UnaryUnionOp.Union(governorates.Select(g => g.Boundary!).ToList());
        Assert.True(union.Intersection(strip.Boundary).Area > 0.95 * strip.Boundary.Area);
        // The land part only: Natural Earth's Gaza is about 0.035 square degrees (~365 km2).
        Assert.InRange(strip.Boundary.Area, 0.025, 0.05);
    }

    [Fact]
    public void Countries_carry_natural_earth_boundaries()
    {
        Assert.True(gazetteer.TryGetCountry("EG", out var egypt));
        Assert.NotNull(egypt.Boundary);
        var cairo = gazetteer.Get(360630)!;
        Assert.True(egypt.Boundary.Contains(egypt.Boundary.Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(cairo.Longitude, cairo.Latitude))));
    }

    [Theory]
    [InlineData("Khan Yunes", 281124)]
    [InlineData("Deir al-Balah", 281141)]
    [InlineData("khan-yunis", 281124)]
    [InlineData("Dayr al Balaḩ", 281141)]
    public void Hand_kept_aliases_and_spelling_variants_find_the_place(string name, long id)
    {
        var hits = gazetteer.Lookup(name);
        Assert.Contains(hits, h => gazetteer.Entries[h.Entry].Id == id);
    }

    [Fact]
    public void Junk_alternate_names_are_dropped()
    {
        Assert.DoesNotContain(gazetteer.Lookup("Gaz"), h => gazetteer.Entries[h.Entry].Id == 281133);
        Assert.DoesNotContain(gazetteer.Lookup("GZA"), h => gazetteer.Entries[h.Entry].Id == 281133);
        Assert.True(gazetteer.IsStopName(NameNormalizer.Normalize("Hamas")));
    }

    [Fact]
    public void Demonyms_point_to_their_country()
    {
        var qatari = gazetteer.Lookup("Qatari");
        Assert.Contains(qatari, h => gazetteer.Entries[h.Entry].CountryCode == "QA" && h.Source == NameSource.Demonym);
    }

    [Fact]
    public void Search_ranks_prefixes_by_importance_and_tolerates_typos()
    {
        var results = gazetteer.Search("Raf", 5);
        Assert.Contains(results, e => e.Id == 281102);
        var typo = gazetteer.Search("Khan Younes", 3);
        Assert.Equal(281124, typo[0].Id);
        Assert.Equal("Cairo", gazetteer.Search("cairo", 1)[0].Name);
    }
}
