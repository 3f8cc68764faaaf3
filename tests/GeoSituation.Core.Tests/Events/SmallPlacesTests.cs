using GeoSituation.Core.Events;
using GeoSituation.Core.Gazetteer;

namespace GeoSituation.Core.Tests.Events;

/// <summary>The shipped event-only small-places layer (geodata/events/small-places.tsv.gz); places picked from the data.</summary>
public sealed class SmallPlacesTests
{
    private static readonly SmallPlaces Shipped = SmallPlaces.Default;

    [Fact]
    public void LoadsTheShippedFile()
    {
        Assert.True(Shipped.Count > 100_000, $"{Shipped.Count} rows");
    }

    [Fact]
    public void FindsAVillageByNameAsAnEntry()
    {
        var found = Assert.Single(Shipped.Lookup("Al Ghantu", "SY"));
        Assert.Equal(StableId.Of("evt:sy:wof-1259860739"), found.Id);
        Assert.Equal("Al Ghantu", found.Name);
        Assert.Equal(PlaceKind.City, found.Kind);
        Assert.Equal("PPL", found.FeatureCode);
        Assert.Equal("SY", found.CountryCode);
        Assert.Equal("Homs (Hims)", found.Admin1Name);
        Assert.Equal(9412, found.Population);
        Assert.Equal(34.82202, found.Latitude, 5);
        Assert.Equal(36.69613, found.Longitude, 5);
        Assert.Contains("الغنطو", found.AlternateNames);
    }

    [Fact]
    public void FindsByAlternateName()
    {
        Assert.Contains(Shipped.Lookup("الغنطو", "SY"), e => e.Name == "Al Ghantu");
        Assert.Contains(Shipped.Lookup("Abazivka", "UA"), e => e.Id == StableId.Of("evt:ua:wof-101869753") && e.Name == "Abazovka");
    }

    [Fact]
    public void FindsWithDiacriticsDroppedAndAnyCase()
    {
        Assert.Contains(Shipped.Lookup("Korioume", "ML"), e => e.Name == "Korioumé" && e.Admin1Name == "Tombouctou");
        Assert.Contains(Shipped.Lookup("KORIOUMÉ", "ml"), e => e.Name == "Korioumé");
    }

    [Fact]
    public void NeighbourhoodsArePplx()
    {
        var found = Shipped.Lookup("Bayit Wegan", "IL");
        Assert.NotEmpty(found);
        Assert.All(found, e => Assert.Equal("PPLX", e.FeatureCode));
    }

    [Fact]
    public void ReturnsNothingForAnotherCountry()
    {
        Assert.Empty(Shipped.Lookup("Al Ghantu", "LB"));
        Assert.Empty(Shipped.Lookup("Korioume", "BF"));
        Assert.Empty(Shipped.Lookup("Korioume", "ZZ"));
    }

    [Fact]
    public void ReturnsNothingForNoName()
    {
        Assert.Empty(Shipped.Lookup("", "SY"));
        Assert.Empty(Shipped.Lookup("Zzqxv Nowhere", "SY"));
    }

    [Fact]
    public void ConcurrentFirstLookupsAgree()
    {
        var fresh = SmallPlaces.Load(Core.Gazetteer.Gazetteer.LocateGeodata());
        var results = new int[8];
        Parallel.For(0, results.Length, i => results[i] = fresh.Lookup(i % 2 == 0 ? "Korioume" : "Abazivka", i % 2 == 0 ? "ML" : "UA").Count);
        Assert.All(results, n => Assert.True(n > 0));
        Assert.Equal(Shipped.Count, fresh.Count);
    }

    [Fact]
    public void MissingFileGivesAnEmptyInstance()
    {
        var places = SmallPlaces.Load(Path.Combine(Path.GetTempPath(), "no-such-geodata-" + Guid.NewGuid().ToString("N")));
        Assert.Equal(0, places.Count);
        Assert.Empty(places.Lookup("Al Ghantu", "SY"));
    }

    [Fact]
    public void ReadsAFileWrittenInTheSameFormat()
    {
        var geodata = Directory.CreateTempSubdirectory("small-places-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(geodata, "events"));
            using (var gz = new System.IO.Compression.GZipStream(File.Create(Path.Combine(geodata, "events", SmallPlaces.FileName)), System.IO.Compression.CompressionLevel.Fastest))
            using (var w = new StreamWriter(gz))
            {
                w.Write("#key\tname\talternates\ttype\tlat\tlon\tcountry\tadmin1\tpopulation\tlicence\n");
                w.Write("# comment\n");
                w.Write("xx:wof-1\tŞamlı Köy\tSamli|Old Samli\tcamp\t-1.5\t30.12345\tSY\tSomewhere\t12\tCC0\n");
            }
            var places = SmallPlaces.Load(geodata);
            Assert.Equal(1, places.Count);
            var found = Assert.Single(places.Lookup("samli koy", "SY"));
            Assert.Equal(StableId.Of("evt:xx:wof-1"), found.Id);
            Assert.Equal("CMPRF", found.FeatureCode);
            Assert.Equal(-1.5, found.Latitude);
            Assert.Equal(30.12345, found.Longitude, 5);
            Assert.Equal(["Samli", "Old Samli"], found.AlternateNames);
            Assert.Single(places.Lookup("Old-Samli", "SY"));
        }
        finally
        {
            Directory.Delete(geodata, recursive: true);
        }
    }
}
