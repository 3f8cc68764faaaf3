using GeoSituation.Cli.GazetteerImport;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;

namespace GeoSituation.Cli.Tests.GazetteerImport;

public sealed class BoundaryFileReaderTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("geosituation-boundaries-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private static Polygon Square(double x, double y, double size) =>
        Factory.CreatePolygon([new(x, y), new(x + size, y), new(x + size, y + size), new(x, y + size), new(x, y)]);

    [Fact]
    public void Reads_a_shapefile_and_detects_the_cod_ab_fields()
    {
        var path = Path.Combine(root, "sdn_admbnda_adm2.shp");
        var features = new[]
        {
            new Feature(Square(26, 13, 0.8), new AttributesTable { { "ADM2_EN", "Kuma Garadayat" }, { "ADM2_PCODE", "SD13899" }, { "ADM1_PCODE", "SD13" }, { "ADM0_PCODE", "SD" } }),
            new Feature(Square(26.8, 13, 0.7), new AttributesTable { { "ADM2_EN", "Wadi Magrur" }, { "ADM2_PCODE", "SD13898" }, { "ADM1_PCODE", "SD13" }, { "ADM0_PCODE", "SD" } }),
        };
        Shapefile.WriteAllFeatures(features, path);
        File.WriteAllText(Path.ChangeExtension(path, ".prj"), """GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]""");

        var read = BoundaryFileReader.Read(path);
        var (areas, level, detected) = CodAbReader.Read(read, new ImportOptions { File = path }, "test.shp");
        Assert.Equal(Core.Gazetteer.SiteType.Admin2, level);
        Assert.Contains("parent ADM1_PCODE", detected, StringComparison.Ordinal);
        Assert.Equal(["sd:sd13899", "sd:sd13898"], areas.Select(a => a.Key));
        Assert.Equal("SD13", areas[0].Parent);
        Assert.Equal(0.64, areas[0].Geometry.Area, 6);
    }

    [Fact]
    public void A_shapefile_in_a_projected_crs_is_refused_with_the_conversion_to_run()
    {
        var path = Path.Combine(root, "utm.shp");
        Shapefile.WriteAllFeatures([new Feature(Square(500000, 1400000, 1000), new AttributesTable { { "ADM2_PCODE", "SD1" } })], path);
        File.WriteAllText(Path.ChangeExtension(path, ".prj"), """PROJCS["WGS_1984_UTM_Zone_35N",GEOGCS["GCS_WGS_1984"]]""");
        var error = Assert.Throws<InvalidDataException>(() => BoundaryFileReader.Read(path));
        Assert.Contains("ogr2ogr -t_srs EPSG:4326", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Explicit_fields_override_detection_and_a_missing_one_lists_the_fields()
    {
        var path = Path.Combine(root, "custom.geojson");
        File.WriteAllText(path, """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"PS0275X","label":"Rafah East","other":"Rafah Sharq"},
             "geometry":{"type":"Polygon","coordinates":[[[34.25,31.25],[34.3,31.25],[34.3,31.3],[34.25,31.25]]]}}]}
            """);
        var features = BoundaryFileReader.Read(path);
        var options = new ImportOptions { File = path, Level = "admin3", PCodeField = "CODE", NameField = "label", AltNamesField = "other" };
        var area = Assert.Single(CodAbReader.Read(features, options, "custom.geojson").Areas);
        Assert.Equal(("Rafah East", "PS0275X", "PS"), (area.Name, area.PCode, area.Country));
        Assert.Equal(["Rafah Sharq"], area.Alternates);
        var error = Assert.Throws<InvalidDataException>(() => CodAbReader.Read(features, options with { NameField = "ADM3_EN" }, "custom.geojson"));
        Assert.Contains("code, label, other", error.Message, StringComparison.Ordinal);
    }
}
