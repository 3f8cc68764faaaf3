using System.Text.Json;
using System.Text.RegularExpressions;

namespace GeoSituation.Server.Tests.Api;

/// <summary>GDAL's MVT driver as the client of the vector tiles: at the URL a user tries first, by zoom level, tile by tile.</summary>
[Collection(ServerCollection.Name)]
public sealed partial class GdalTileTests(ServerFixture server)
{
    private static readonly string[] Sources = ["places", "displacement", "displacement-summary", "events", "flows", "mentions", "basemap"];

    [Fact]
    public async Task Ogrinfo_opens_a_tileset_at_its_natural_url()
    {
        var info = await GdalTool.RunAsync("ogrinfo", "-ro", "-al", "-so", $"MVT:{server.BaseAddress}tiles/places");
        Assert.Contains("Layer name: places", info);
        Assert.Contains("name: String", info);
        Assert.Matches(@"Feature Count: [1-9]", info);

        // Every other client still gets the TileJSON there.
        var tileJson = await server.GetJsonAsync("/tiles/places");
        Assert.Equal("3.0.0", tileJson.GetProperty("tilejson").GetString());
    }

    [Fact]
    public async Task Ogrinfo_opens_a_zoom_level_with_the_types_of_metadata_json()
    {
        var info = await GdalTool.RunAsync("ogrinfo", "-ro", "-so", $"MVT:{server.BaseAddress}tiles/displacement/2", "displacement");
        Assert.Contains("people: Real", info);
        Assert.Contains("is_vague: Integer(Boolean)", info);
        Assert.Contains("place: String", info);
    }

    [Theory]
    [InlineData(".pbf")]
    [InlineData(".mvt")]
    public async Task A_single_tile_opens_through_vsicurl_georeferenced(string suffix)
    {
        // Zoom 4, x 9, y 6 holds Gaza.
        var info = await GdalTool.RunAsync("ogrinfo", "-ro", "-al", $"MVT:/vsicurl/{server.BaseAddress}tiles/places/4/9/6{suffix}");
        Assert.Contains("Layer name: places", info);
        Assert.Contains("PROJCRS[\"WGS 84 / Pseudo-Mercator\"", info);
    }

    [Theory]
    [InlineData("places")]
    [InlineData("displacement")]
    [InlineData("displacement-summary")]
    [InlineData("events")]
    [InlineData("flows")]
    [InlineData("mentions")]
    [InlineData("basemap")]
    public async Task Every_feature_of_every_tile_source_has_an_id(string source)
    {
        foreach (var tile in new[] { "0/0/0", "4/9/6", "7/76/52" })
        {
            var info = await GdalTool.RunAsync("ogrinfo", "-ro", "-al", $"MVT:/vsicurl/{server.BaseAddress}tiles/{source}/{tile}.pbf");
            var features = FeatureLine().Count(info);
            var ids = IdLine().Count(info);
            Assert.True(features == ids, $"{source} {tile}: {features} features, {ids} with an id");
        }
    }

    [Fact]
    public async Task Zoom_ranges_agree_between_tilejson_metadata_and_style()
    {
        using var style = JsonDocument.Parse(await server.Http.GetStringAsync("/style.json"));
        foreach (var source in Sources)
        {
            var tileJson = await server.GetJsonAsync($"/tiles/{source}");
            var metadata = await server.GetJsonAsync($"/tiles/{source}/metadata.json");
            var max = tileJson.GetProperty("maxzoom").GetInt32();
            var min = tileJson.GetProperty("minzoom").GetInt32();
            Assert.Equal(max.ToString(System.Globalization.CultureInfo.InvariantCulture), metadata.GetProperty("maxzoom").GetString());
            Assert.Equal(min.ToString(System.Globalization.CultureInfo.InvariantCulture), metadata.GetProperty("minzoom").GetString());
            foreach (var layer in tileJson.GetProperty("vector_layers").EnumerateArray()) Assert.Equal(max, layer.GetProperty("maxzoom").GetInt32());
            if (style.RootElement.GetProperty("sources").TryGetProperty(source, out var styleSource) && styleSource.TryGetProperty("maxzoom", out var styleMax))
            {
                Assert.Equal(max, styleMax.GetInt32());
                Assert.Equal(min, styleSource.GetProperty("minzoom").GetInt32());
            }
        }
    }

    [GeneratedRegex(@"^OGRFeature\(", RegexOptions.Multiline)]
    private static partial Regex FeatureLine();

    [GeneratedRegex(@"^  mvt_id \(Integer64\) = \d+", RegexOptions.Multiline)]
    private static partial Regex IdLine();
}
