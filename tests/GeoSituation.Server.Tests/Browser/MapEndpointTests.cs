using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace GeoSituation.Server.Tests.Browser;

/// <summary>The small endpoints the map client stands on, over real HTTP on loopback.</summary>
[Collection(MapBrowserCollection.Name)]
public sealed class MapEndpointTests(MapBrowserFixture fixture)
{
    private HttpClient Http => fixture.Server.Http;

    [Fact]
    public async Task Style_points_every_source_and_the_glyphs_at_this_server_and_passes_datetime_to_the_data_tiles()
    {
        using var style = JsonDocument.Parse(await Http.GetStringAsync("/style.json?datetime=2024-02-01/2024-02-29"));
        var root = style.RootElement;
        var origin = fixture.BaseAddress.ToString().TrimEnd('/');

        Assert.StartsWith(origin + "/fonts/", root.GetProperty("glyphs").GetString(), StringComparison.Ordinal);
        foreach (var source in root.GetProperty("sources").EnumerateObject())
        {
            var urls = source.Value.TryGetProperty("tiles", out var tiles)
                ? tiles.EnumerateArray().Select(t => t.GetString()!).ToList()
                : [source.Value.GetProperty("url").GetString()!];
            Assert.All(urls, u => Assert.StartsWith(origin + "/tiles/", u, StringComparison.Ordinal));
            if (source.Name != "basemap")
                Assert.All(urls, u => Assert.EndsWith("?datetime=2024-02-01%2F2024-02-29", u, StringComparison.Ordinal));
        }
        var layers = root.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("id").GetString()).ToList();
        Assert.Contains("displacement", layers);
        Assert.Contains("events", layers);
        Assert.Contains("flows", layers);
        Assert.Contains("places", layers);
    }

    [Fact]
    public async Task Style_refuses_a_malformed_datetime_with_problem_json()
    {
        using var response = await Http.GetAsync("/style.json?datetime=%3Cscript%3E");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("0-255", 20_000)] // Latin
    [InlineData("1536-1791", 20_000)] // Arabic
    [InlineData("1280-1535", 10_000)] // Hebrew
    [InlineData("65024-65279", 10_000)] // Arabic presentation forms B, what the RTL plugin shapes into
    public async Task Glyph_ranges_for_Latin_Arabic_and_Hebrew_are_served(string range, int atLeastBytes)
    {
        using var response = await Http.GetAsync($"/fonts/Noto%20Sans%20Regular/{range}.pbf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-protobuf", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length >= atLeastBytes);
    }

    [Fact]
    public async Task Glyph_range_we_did_not_build_is_an_empty_but_valid_pbf_for_the_first_known_stack()
    {
        var bytes = await Http.GetByteArrayAsync("/fonts/Unknown%20Font,Noto%20Sans%20Regular/19968-20223.pbf");
        // glyphs { stacks { name: "Noto Sans Regular" range: "19968-20223" } }, no glyph entries.
        Assert.Equal(0x0A, bytes[0]);
        Assert.Contains("Noto Sans Regular", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.True(bytes.Length < 64);
    }

    [Theory]
    [InlineData("/fonts/Noto%20Sans%20Regular/1-256.pbf", HttpStatusCode.BadRequest)]
    [InlineData("/fonts/Noto%20Sans%20Regular/65536-65791.pbf", HttpStatusCode.BadRequest)]
    [InlineData("/fonts/Comic%20Sans/0-255.pbf", HttpStatusCode.NotFound)]
    [InlineData("/fonts/..%2F..%2Fappsettings/0-255.pbf", HttpStatusCode.NotFound)]
    public async Task Bad_glyph_requests_get_problem_json(string url, HttpStatusCode status)
    {
        using var response = await Http.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Glyphs_and_the_map_script_are_sent_compressed()
    {
        foreach (var url in new[] { "/fonts/Noto%20Sans%20Regular/0-255.pbf", "/vendor/maplibre-gl/maplibre-gl.js", "/style.json" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
            using var response = await Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("gzip", response.Content.Headers.ContentEncoding);
        }
    }

    [Fact]
    public async Task Search_finds_Rafah_in_the_gazetteer_near_its_GeoNames_coordinates()
    {
        using var doc = JsonDocument.Parse(await Http.GetStringAsync("/search?q=Rafah&limit=5"));
        var results = doc.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Contains(results, r => r.GetProperty("country").GetString() == "PS"
            && Math.Abs(r.GetProperty("lat").GetDouble() - 31.297) < 0.05
            && Math.Abs(r.GetProperty("lon").GetDouble() - 34.244) < 0.05);
    }

    [Fact]
    public async Task Search_ranks_the_places_the_news_named_first_with_their_mention_counts()
    {
        using var doc = JsonDocument.Parse(await Http.GetStringAsync("/search?q=Rafa&limit=5"));
        var first = doc.RootElement.GetProperty("results")[0];
        Assert.True(first.GetProperty("stored").GetBoolean());
        Assert.True(first.GetProperty("mentions").GetInt64() > 0);
        Assert.Equal("PS", first.GetProperty("country").GetString());
    }

    [Theory]
    [InlineData("/search")]
    [InlineData("/search?q=Rafah&limit=0")]
    [InlineData("/search?q=Rafah&limit=many")]
    public async Task Search_without_a_usable_query_gets_problem_json(string url)
    {
        using var response = await Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Governorates_for_the_density_shading_are_the_five_of_Gaza_with_surveyed_outlines()
    {
        using var doc = JsonDocument.Parse(await Http.GetStringAsync("/map/governorates"));
        var features = doc.RootElement.GetProperty("features").EnumerateArray().ToList();
        var gaza = features.Where(f => f.GetProperty("properties").GetProperty("pcode").GetString()!.StartsWith("PS02", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, gaza.Count);
        Assert.All(gaza, f =>
        {
            // Who's On First outlines (geodata/humanitarian) replaced the Voronoi sketch: not approximate any more.
            Assert.False(f.GetProperty("properties").GetProperty("approximate").GetBoolean());
            // The Gaza Strip is about 365 km²; each governorate a slice of it.
            Assert.InRange(f.GetProperty("properties").GetProperty("area_km2").GetDouble(), 20, 200);
        });
    }

    [Fact]
    public async Task Embed_doc_shows_the_snippet_and_how_to_add_the_layers_to_dashboards_and_GIS()
    {
        var doc = await Http.GetStringAsync("/embed/doc");
        foreach (var expected in new[] { "iframe", "/embed?layers=", "Grafana", "Superset", "QGIS", "Leaflet", "/tiles/displacement", "/collections/displacement/items" })
            Assert.Contains(expected, doc, StringComparison.Ordinal);
        using var embed = await Http.GetAsync("/embed?layers=displacement&bbox=34.2,31.2,34.6,31.6");
        Assert.Equal(HttpStatusCode.OK, embed.StatusCode);
        Assert.Equal("text/html", embed.Content.Headers.ContentType?.MediaType);
    }
}
