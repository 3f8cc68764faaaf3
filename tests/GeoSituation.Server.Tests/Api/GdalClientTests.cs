using System.Diagnostics;
using System.Text.Json;
using System.Xml.Linq;

namespace GeoSituation.Server.Tests.Api;

/// <summary>GDAL as the GIS client: its OAPIF driver lists every collection and copies every feature, page by page.</summary>
[Collection(ServerCollection.Name)]
public sealed class GdalClientTests(ServerFixture server)
{
    [Fact]
    public async Task Ogrinfo_lists_every_collection()
    {
        var output = await GdalTool.RunAsync("ogrinfo", "-ro", $"OAPIF:{server.BaseAddress}");
        foreach (var collection in new[] { "places", "mentions", "displacement", "events", "flows", "articles" })
        {
            Assert.Contains($": {collection} (title:", output);
        }
    }

    [Theory]
    [InlineData("places")]
    [InlineData("mentions")]
    [InlineData("displacement")]
    [InlineData("articles")]
    [InlineData("events")]
    [InlineData("flows")]
    [InlineData("displacement-summary")]
    public async Task Ogr2ogr_copies_every_feature_with_two_per_page(string collection)
    {
        var matched = (await server.GetJsonAsync($"/collections/{collection}/items?limit=1")).GetProperty("numberMatched").GetInt64();
        var target = Path.Combine(Path.GetTempPath(), $"oapif-{collection}-{Guid.NewGuid():N}.json");
        try
        {
            await GdalTool.RunAsync("ogr2ogr", "-f", "GeoJSON", target, $"OAPIF:{server.BaseAddress}", collection, "-oo", "PAGE_SIZE=2");
            using var copied = JsonDocument.Parse(await File.ReadAllTextAsync(target));
            Assert.Equal(matched, copied.RootElement.GetProperty("features").GetArrayLength());
        }
        finally
        {
            File.Delete(target);
        }
    }

    [Fact]
    public async Task Field_types_come_from_the_schema_so_region_ids_survive_a_copy()
    {
        // The seed names the Gaza Strip, a region with a 12-digit negative id; its mentions are not on the first page.
        var served = new List<long>();
        foreach (var feature in (await server.GetJsonAsync("/collections/mentions/items?limit=10000")).GetProperty("features").EnumerateArray())
        {
            served.Add(feature.GetProperty("properties").GetProperty("place_id").GetInt64());
        }
        Assert.Contains(served, id => id < int.MinValue);

        var info = await GdalTool.RunAsync("ogrinfo", "-ro", "-so", $"OAPIF:{server.BaseAddress}", "mentions");
        Assert.Contains("place_id: Integer64", info);

        var target = Path.Combine(Path.GetTempPath(), $"oapif-mentions-ids-{Guid.NewGuid():N}.json");
        try
        {
            await GdalTool.RunAsync("ogr2ogr", "-f", "GeoJSON", target, $"OAPIF:{server.BaseAddress}", "mentions", "-oo", "PAGE_SIZE=2");
            using var copied = JsonDocument.Parse(await File.ReadAllTextAsync(target));
            var copiedIds = copied.RootElement.GetProperty("features").EnumerateArray()
                .Select(f => f.GetProperty("properties").GetProperty("place_id").GetInt64()).Order().ToList();
            Assert.Equal(served.Order().ToList(), copiedIds);
        }
        finally
        {
            File.Delete(target);
        }
    }

    [Fact]
    public async Task The_schema_is_a_gml_application_schema_and_unknown_collections_are_404()
    {
        using var response = await server.Http.GetAsync("/collections/places/schema");
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var schema = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace xs = "http://www.w3.org/2001/XMLSchema";
        var elements = schema.Descendants(xs + "element").ToDictionary(e => (string)e.Attribute("name")!, e => (string)e.Attribute("type")!);
        Assert.Equal("gml:PointPropertyType", elements["geometry"]);
        Assert.Equal("xs:long", elements["population"]);
        Assert.Equal("xs:string", elements["name"]);

        var collection = await server.GetJsonAsync("/collections/places");
        Assert.Contains(collection.GetProperty("links").EnumerateArray(), l => l.GetProperty("rel").GetString() == "describedBy" && l.GetProperty("href").GetString()!.EndsWith("/collections/places/schema", StringComparison.Ordinal));

        using var unknown = await server.Http.GetAsync("/collections/nope/schema");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }
}
