using GeoSituation.Core.Gazetteer;
using GeoSituation.Core.Geoparsing;
using NetTopologySuite.Geometries;

namespace GeoSituation.Core.Tests.Gazetteer;

[Collection(ImportedGazetteerCollection.Name)]
public sealed class ImportedPlacesTests(ImportedGazetteerFixture fixture)
{
    private readonly Core.Gazetteer.Gazetteer gazetteer = fixture.Gazetteer;

    private GazetteerEntry ById(string key) => gazetteer.Get(StableId.Of("hum:" + key)) ?? throw new Xunit.Sdk.XunitException($"no entry for hum:{key}");

    [Fact]
    public void Stable_ids_are_the_build_scripts_fnv_ids()
    {
        // regions.geojson, written by geodata/build/build.js: Rafah governorate is "region:rafah".
        Assert.Equal(-321321431600, StableId.Of("region:rafah"));
        Assert.True(StableId.Of("hum:sd:zamzam-camp") < 0);
    }

    [Fact]
    public void A_camp_row_becomes_a_populated_place_with_the_camp_feature_code_and_its_admin1()
    {
        var camp = ById("sd:zamzam-camp");
        Assert.Equal("Zamzam camp", camp.Name);
        Assert.Equal(PlaceKind.City, camp.Kind);
        Assert.Equal("CMPRF", camp.FeatureCode);
        Assert.Equal("SD", camp.CountryCode);
        Assert.Equal(0, camp.Population);
        // Nearest GeoNames place is El Fasher, in Northern Darfur (SD.55).
        Assert.Equal("55", camp.Admin1Code);
        Assert.Equal("Northern Darfur", camp.Admin1Name);
        // Its polygon from areas.geojson, kept approximate as the feature says.
        Assert.NotNull(camp.Boundary);
        Assert.True(camp.BoundaryApproximate);
        Assert.Equal(0.04 * 0.04, camp.Boundary.Area, 6);
    }

    [Fact]
    public void Neighbourhood_and_locality_types_map_to_geonames_codes()
    {
        var mawasi = ById("ps:al-mawasi");
        Assert.Equal("PPL", mawasi.FeatureCode);
        Assert.Equal(PlaceKind.City, mawasi.Kind);
        Assert.Equal("GZ", mawasi.Admin1Code);
        Assert.Equal(("Region", "RGN"), (SiteTypes.Classify(SiteType.Region).Kind.ToString(), SiteTypes.Classify(SiteType.Region).FeatureCode));
        Assert.Equal("PPLX", SiteTypes.Classify(SiteType.Neighbourhood).FeatureCode);
        Assert.Equal("ADM3", SiteTypes.Classify(SiteType.Admin3).FeatureCode);
    }

    [Theory]
    [InlineData("Zamzam camp", "sd:zamzam-camp")]
    [InlineData("Zam Zam camp", "sd:zamzam-camp")]
    [InlineData("al-Mawasi", "ps:al-mawasi")]
    [InlineData("Al Mawasi", "ps:al-mawasi")]
    [InlineData("Mawasi", "ps:al-mawasi")]
    [InlineData("المواصي", "ps:al-mawasi")]
    [InlineData("Tawila camp", "sd:tawila-camp")]
    [InlineData("Tawilah Locality", "sd:sd13802")]
    public void Names_and_alternates_join_the_name_index(string name, string key)
    {
        var id = StableId.Of("hum:" + key);
        Assert.Contains(gazetteer.Lookup(name), h => gazetteer.Entries[h.Entry].Id == id);
    }

    [Fact]
    public void A_same_as_row_adds_its_names_and_pcode_to_the_existing_admin_area_instead_of_a_duplicate()
    {
        Assert.Null(gazetteer.Get(StableId.Of("hum:sd:north-darfur")));
        var darfur = Assert.Single(gazetteer.Entries, e => e.FeatureCode == "ADM1" && e.CountryCode == "SD" && e.Admin1Code == "55");
        Assert.Equal("Northern Darfur", darfur.Name);
        Assert.Equal("SD02", darfur.PCode);
        Assert.Contains(gazetteer.Lookup("North Darfur"), h => gazetteer.Entries[h.Entry].Id == darfur.Id && h.Source == NameSource.Alias);
        Assert.Contains(gazetteer.Lookup("Shamal Darfur"), h => gazetteer.Entries[h.Entry].Id == darfur.Id);
    }

    [Fact]
    public void A_same_as_polygon_replaces_the_approximate_voronoi_governorate()
    {
        var rafah = Assert.Single(gazetteer.Entries, e => e.PCode == "PS0275");
        Assert.Equal(-321321431600, rafah.Id);
        Assert.False(rafah.BoundaryApproximate);
        Assert.NotNull(rafah.Boundary);
        Assert.Equal(0.11 * 0.10, rafah.Boundary.Area, 6);
        // The other governorates keep their Voronoi cells.
        Assert.True(Assert.Single(gazetteer.Entries, e => e.PCode == "PS0270").BoundaryApproximate);
    }

    [Fact]
    public void A_user_import_adds_areas_with_polygons_and_sites_with_population()
    {
        var locality = ById("sd:sd13802");
        Assert.Equal(PlaceKind.AdminArea, locality.Kind);
        Assert.Equal("ADM2", locality.FeatureCode);
        Assert.Equal("SD13802", locality.PCode);
        Assert.NotNull(locality.Boundary);
        Assert.False(locality.BoundaryApproximate);
        Assert.True(locality.Boundary.Contains(new Point(locality.Longitude, locality.Latitude)));
        var tawila = ById("sd:tawila-camp");
        Assert.Equal(180_000, tawila.Population);
        Assert.Equal("CMPRF", tawila.FeatureCode);
    }

    [Theory]
    [InlineData("Thousands of families fled El Fasher for Zamzam camp after the shelling, aid workers said.", "sd:zamzam-camp", "Zamzam camp")]
    [InlineData("Displaced people in Zamzam say food ran out in May.", "sd:zamzam-camp", "Zamzam")]
    [InlineData("Israel ordered residents of Khan Younis to move to al-Mawasi, a strip of sand on the coast.", "ps:al-mawasi", "al-Mawasi")]
    [InlineData("Tents in Mawasi flooded overnight, the UN said from Gaza.", "ps:al-mawasi", "Mawasi")]
    [InlineData("New arrivals reached Tawila camp from El Fasher on Sunday.", "sd:tawila-camp", "Tawila camp")]
    public void A_sentence_naming_a_site_resolves_to_it(string text, string key, string surface)
    {
        var toponyms = new Geoparser(gazetteer).Parse(text);
        var site = Assert.Single(toponyms, t => t.Surface == surface);
        Assert.Equal(StableId.Of("hum:" + key), site.Place.Id);
    }

    [Fact]
    public void The_cache_lives_in_the_user_folder_and_gives_back_the_same_gazetteer()
    {
        Assert.Equal(Path.Combine(fixture.UserFolder, "cache"), UserGazetteer.CacheFolder(fixture.Geodata, fixture.UserFolder));
        Assert.True(File.Exists(Path.Combine(fixture.UserFolder, "cache", "gazetteer.bin")));
        Assert.False(File.Exists(Path.Combine(fixture.Geodata, "cache", "gazetteer.bin")));
        var again = Core.Gazetteer.Gazetteer.Load(fixture.Geodata, userFolder: fixture.UserFolder);
        Assert.Equal(gazetteer.Entries.Count, again.Entries.Count);
        var camp = again.Get(StableId.Of("hum:sd:zamzam-camp"))!;
        Assert.Equal(0.04 * 0.04, camp.Boundary!.Area, 6);
        Assert.Contains(again.Lookup("Mawasi"), h => again.Entries[h.Entry].Id == StableId.Of("hum:ps:al-mawasi"));
    }
}
