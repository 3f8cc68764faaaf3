using GeoSituation.Core.Gazetteer;
using NetTopologySuite.Geometries;

namespace GeoSituation.Core.Tests.Gazetteer;

public sealed class AreasFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("geosituation-areas-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    [Fact]
    public void Round_trips_polygons_and_properties()
    {
        var path = Path.Combine(folder, "a.areas.geojson");
        var square = Factory.CreatePolygon([new(24.7, 13.3), new(25.1, 13.3), new(25.1, 13.8), new(24.7, 13.8), new(24.7, 13.3)]);
        var two = Factory.CreateMultiPolygon([square, Factory.CreatePolygon([new(26, 13), new(26.5, 13), new(26.5, 13.5), new(26, 13)])]);
        AreasFile.Write(path, [
            new GazetteerArea { Key = "sd:sd13802", Name = "Tawila", Alternates = ["Tawilah"], Type = SiteType.Admin2, Country = "SD", PCode = "SD13802", Parent = "SD02", Geometry = square, Source = "OCHA COD-AB", Licence = "CC BY-IGO 3.0" },
            new GazetteerArea { Key = "sd:two", Name = "Two parts", Type = SiteType.Region, Country = "SD", Geometry = two, Approximate = true },
        ]);
        var read = AreasFile.Read(path);
        Assert.Equal(2, read.Count);
        Assert.Equal("SD13802", read[0].PCode);
        Assert.Equal(["Tawilah"], read[0].Alternates);
        Assert.Equal(SiteType.Admin2, read[0].Type);
        Assert.Equal(square.Area, read[0].Geometry.Area, 9);
        Assert.Equal(4326, read[0].Geometry.SRID);
        Assert.IsType<MultiPolygon>(read[1].Geometry);
        Assert.True(read[1].Approximate);
        Assert.Equal(2, read[1].Feature);
    }

    [Theory]
    [InlineData("""{"type":"Feature","properties":{"key":"b","name":"B","type":"admin2","country":"SD"},"geometry":{"type":"Point","coordinates":[25,13]}}""", "geometry is Point")]
    [InlineData("""{"type":"Feature","properties":{"key":"b","name":"B","type":"ward","country":"SD"},"geometry":null}""", "unknown type 'ward'")]
    [InlineData("""{"type":"Feature","properties":{"key":"b","name":"B","type":"admin2","country":"SD"},"geometry":{"type":"Polygon","coordinates":[[[25,13],[26,13],[25,13]]]}}""", "feature 2")]
    [InlineData("""{"type":"Feature","properties":{"key":"b","name":"B","type":"admin2","country":"SD"},"geometry":{"type":"Polygon","coordinates":[[[2500000,1300000],[2600000,1300000],[2600000,1400000],[2500000,1300000]]]}}""", "WGS 84")]
    public void A_bad_feature_is_an_error_naming_the_feature(string secondFeature, string message)
    {
        var path = Path.Combine(folder, "bad.areas.geojson");
        const string first = """{"type":"Feature","properties":{"key":"a","name":"A","type":"admin2","country":"SD"},"geometry":{"type":"Polygon","coordinates":[[[25,13],[26,13],[26,14],[25,13]]]}}""";
        File.WriteAllText(path, """{"type":"FeatureCollection","features":[""" + first + ",\n" + secondFeature + "]}");
        var error = Assert.Throws<InvalidDataException>(() => AreasFile.Read(path));
        Assert.Contains("feature 2", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_self_touching_ring_is_repaired_not_rejected()
    {
        var path = Path.Combine(folder, "bow.areas.geojson");
        // A bow tie: two triangles meeting in one point.
        File.WriteAllText(path, """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"key":"a","name":"A","type":"admin3","country":"SD"},
             "geometry":{"type":"Polygon","coordinates":[[[25,13],[26,14],[26,13],[25,14],[25,13]]]}}]}
            """);
        var area = Assert.Single(AreasFile.Read(path));
        Assert.True(area.Geometry.IsValid);
        Assert.Equal(0.5, area.Geometry.Area, 6);
    }
}
