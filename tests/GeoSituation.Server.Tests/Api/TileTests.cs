using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace GeoSituation.Server.Tests.Api;

/// <summary>Vector tiles as GIS tools see them: GDAL's ogrinfo must read what we serve.</summary>
[Collection(ServerCollection.Name)]
public sealed class TileTests(ServerFixture server)
{
    [Fact]
    public async Task Places_tile_over_Gaza_is_read_by_ogrinfo_with_features()
    {
        using var response = await server.Http.GetAsync("/tiles/places/8/152/104");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.mapbox-vector-tile", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var info = await OgrInfoAsync(bytes);
        Assert.Contains("Layer name: places", info);
        Assert.True(FeatureCount(info, "places") >= 1, info);
    }

    [Fact]
    public async Task Suffixes_composites_and_basemap_layers_all_read_in_ogrinfo()
    {
        var plain = await server.Http.GetByteArrayAsync("/tiles/places/8/152/104");
        Assert.Equal(plain, await server.Http.GetByteArrayAsync("/tiles/places/8/152/104.mvt"));
        Assert.Equal(plain, await server.Http.GetByteArrayAsync("/tiles/places/8/152/104.pbf"));

        var composite = await OgrInfoAsync(await server.Http.GetByteArrayAsync("/tiles/places,displacement/8/152/104.mvt"));
        Assert.True(FeatureCount(composite, "places") >= 1, composite);
        Assert.True(FeatureCount(composite, "displacement") >= 1, composite);

        var basemap = await OgrInfoAsync(await server.Http.GetByteArrayAsync("/tiles/basemap/8/152/104"));
        Assert.True(FeatureCount(basemap, "countries") >= 2, basemap);
        Assert.True(FeatureCount(basemap, "governorates") >= 1, basemap);
        Assert.True(FeatureCount(basemap, "labels") >= 1, basemap);
    }

    [Fact]
    public async Task Tiles_revalidate_with_etag()
    {
        using var first = await server.Http.GetAsync("/tiles/places/8/152/104.mvt");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/tiles/places/8/152/104.mvt");
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task TileJson_describes_the_layers()
    {
        var tilejson = await server.GetJsonAsync("/tiles/basemap");
        Assert.Equal("3.0.0", tilejson.GetProperty("tilejson").GetString());
        Assert.EndsWith("/tiles/basemap/{z}/{x}/{y}.mvt", tilejson.GetProperty("tiles")[0].GetString());
        Assert.Contains("© GeoNames (CC BY 4.0)", tilejson.GetProperty("attribution").GetString());
        var layers = tilejson.GetProperty("vector_layers").EnumerateArray().ToDictionary(l => l.GetProperty("id").GetString()!);
        Assert.True(layers["governorates"].GetProperty("fields").TryGetProperty("approximate", out _));
        Assert.Equal(4, tilejson.GetProperty("bounds").GetArrayLength());
        Assert.Equal(3, tilejson.GetProperty("center").GetArrayLength());

        var places = await server.GetJsonAsync("/tiles/places");
        Assert.Equal("places", places.GetProperty("vector_layers")[0].GetProperty("id").GetString());
        Assert.Equal("Number", places.GetProperty("vector_layers")[0].GetProperty("fields").GetProperty("mentions").GetString());
    }

    [Fact]
    public async Task A_datetime_filter_before_any_article_empties_data_tiles()
    {
        var bytes = await server.Http.GetByteArrayAsync("/tiles/places/8/152/104.mvt?datetime=../1990-01-01");
        Assert.Empty(bytes);
    }

    [Fact]
    public async Task Property_filters_select_features_before_the_cap_and_only_in_layers_that_have_the_property()
    {
        static List<string> EventTypes(string ogrinfo) =>
            System.Text.RegularExpressions.Regex.Matches(ogrinfo, @"^\s*event_type \(String\) = (.+)$", System.Text.RegularExpressions.RegexOptions.Multiline)
                .Select(m => m.Groups[1].Value.Trim()).ToList();
        var all = EventTypes(await OgrInfoAsync(await server.Http.GetByteArrayAsync("/tiles/events/8/152/104.mvt"), summaryOnly: false));
        Assert.True(all.Distinct().Count() >= 2, "the seed puts events of several types around Gaza: " + string.Join(", ", all));
        var type = all[0];

        var filtered = EventTypes(await OgrInfoAsync(await server.Http.GetByteArrayAsync($"/tiles/events/8/152/104.mvt?event_type={Uri.EscapeDataString(type)}"), summaryOnly: false));
        Assert.Equal(all.Count(t => t == type), filtered.Count);
        Assert.All(filtered, t => Assert.Equal(type, t));

        // In a composite, places have no event_type: they are not filtered.
        var places = FeatureCount(await OgrInfoAsync(await server.Http.GetByteArrayAsync("/tiles/places/8/152/104.mvt")), "places");
        var composite = await OgrInfoAsync(await server.Http.GetByteArrayAsync($"/tiles/places,events/8/152/104.mvt?event_type={Uri.EscapeDataString(type)}"));
        Assert.Equal(places, FeatureCount(composite, "places"));
        Assert.Equal(filtered.Count, FeatureCount(composite, "events"));

        var tilejson = await server.GetJsonAsync($"/tiles/events?event_type={Uri.EscapeDataString(type)}");
        Assert.EndsWith($"/tiles/events/{{z}}/{{x}}/{{y}}.mvt?event_type={Uri.EscapeDataString(type)}", tilejson.GetProperty("tiles")[0].GetString());
    }

    [Theory]
    [InlineData("/tiles/events/8/152/104.mvt?evnt_type=battles", "evnt_type")]
    [InlineData("/tiles/events/8/152/104.mvt?geonameid=Rafah", "number")]
    [InlineData("/tiles/displacement/8/152/104.mvt?is_vague=maybe", "true or false")]
    [InlineData("/tiles/events/8/152/104.mvt?event_type=a&event_type=b", "once")]
    [InlineData("/tiles/basemap/8/152/104.mvt?country=PS", "country")]
    public async Task A_filter_that_cannot_apply_is_a_400_problem(string path, string mentioned)
    {
        using var response = await server.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(mentioned, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    internal static async Task<string> OgrInfoAsync(byte[] tile, bool summaryOnly = true)
    {
        var path = Path.Combine(Path.GetTempPath(), $"geosituation-tile-{Guid.NewGuid():N}.mvt");
        await File.WriteAllBytesAsync(path, tile);
        try
        {
            var start = new ProcessStartInfo("ogrinfo") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in summaryOnly ? new[] { "-ro", "-al", "-so", path } : ["-ro", "-al", path]) start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"ogrinfo failed: {errors}");
            return output;
        }
        finally
        {
            File.Delete(path);
        }
    }

    internal static int FeatureCount(string ogrinfo, string layer)
    {
        var at = ogrinfo.IndexOf($"Layer name: {layer}\n", StringComparison.Ordinal);
        if (at < 0) return 0;
        var count = ogrinfo.IndexOf("Feature Count: ", at, StringComparison.Ordinal);
        var end = ogrinfo.IndexOf('\n', count);
        return int.Parse(ogrinfo[(count + "Feature Count: ".Length)..end], System.Globalization.CultureInfo.InvariantCulture);
    }
}
