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

    /// <summary>Every collection the API serves, for the tests that walk them all.</summary>
    public static TheoryData<string> Collections => new("places", "mentions", "displacement", "articles", "events", "flows", "displacement-summary");

    [Theory]
    [MemberData(nameof(Collections))]
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
    public async Task Region_ids_beyond_32_bits_are_text_so_every_client_copies_them_whole()
    {
        // The seed names the Gaza Strip, a region with a 12-digit negative id; its mentions are not on the first page.
        var served = new List<string>();
        foreach (var feature in (await server.GetJsonAsync("/collections/mentions/items?limit=10000")).GetProperty("features").EnumerateArray())
        {
            served.Add(feature.GetProperty("properties").GetProperty("place_id").GetString()!);
        }
        Assert.Contains(served, id => long.Parse(id, System.Globalization.CultureInfo.InvariantCulture) < int.MinValue);

        var info = await GdalTool.RunAsync("ogrinfo", "-ro", "-so", $"OAPIF:{server.BaseAddress}", "mentions");
        Assert.Contains("place_id: String", info);

        var target = Path.Combine(Path.GetTempPath(), $"oapif-mentions-ids-{Guid.NewGuid():N}.json");
        try
        {
            await GdalTool.RunAsync("ogr2ogr", "-f", "GeoJSON", target, $"OAPIF:{server.BaseAddress}", "mentions", "-oo", "PAGE_SIZE=2");
            using var copied = JsonDocument.Parse(await File.ReadAllTextAsync(target));
            var copiedIds = copied.RootElement.GetProperty("features").EnumerateArray()
                .Select(f => f.GetProperty("properties").GetProperty("place_id").GetString()!).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(served.Order(StringComparer.Ordinal).ToList(), copiedIds);
        }
        finally
        {
            File.Delete(target);
        }
    }

    [Theory]
    [MemberData(nameof(Collections))]
    public async Task Gdal_reads_every_field_with_the_type_its_queryable_declares(string collection)
    {
        var queryables = (await server.GetJsonAsync($"/collections/{collection}/queryables")).GetProperty("properties");
        var info = await GdalTool.RunAsync("ogrinfo", "-ro", "-so", $"OAPIF:{server.BaseAddress}", collection);
        foreach (var property in queryables.EnumerateObject())
        {
            var format = property.Value.TryGetProperty("format", out var f) ? f.GetString() : null;
            var expected = (property.Value.GetProperty("type").GetString(), format) switch
            {
                ("integer", _) => "Integer64",
                ("number", _) => "Real",
                ("boolean", _) => "Integer(Boolean)",
                ("string", "date") => "Date",
                ("string", "date-time") => "DateTime",
                _ => "String",
            };
            Assert.Contains($"\n{property.Name}: {expected} (", info.ReplaceLineEndings("\n"));
        }
    }

    [Fact]
    public async Task A_where_on_a_date_time_compares_times_not_text()
    {
        // As text GDAL would compare "2026/12/07 ..." with "2026-12-08": '/' sorts after '-', so every row would match.
        // As a DateTime field GDAL sends the comparison as datetime=2026-12-08T/.. (the articles' time is published, else
        // ingested_at: the seed gives no published time).
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var all = (await server.GetJsonAsync("/collections/articles/items?limit=1")).GetProperty("numberMatched").GetInt64();
        Assert.True(all > 0);
        Assert.Equal(0, await CountWhereAsync($"ingested_at >= '{tomorrow}'"));
        Assert.Equal(all, await CountWhereAsync($"ingested_at >= '{yesterday}'"));

        async Task<long> CountWhereAsync(string where)
        {
            var output = await GdalTool.RunAsync("ogrinfo", "-ro", "-so", "-where", where, $"OAPIF:{server.BaseAddress}", "articles");
            var line = output.Split('\n').Single(l => l.StartsWith("Feature Count: ", StringComparison.Ordinal));
            return long.Parse(line["Feature Count: ".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
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
        Assert.Equal("xs:dateTime", elements["first_seen"]);

        var collection = await server.GetJsonAsync("/collections/places");
        Assert.Contains(collection.GetProperty("links").EnumerateArray(), l => l.GetProperty("rel").GetString() == "describedBy" && l.GetProperty("href").GetString()!.EndsWith("/collections/places/schema", StringComparison.Ordinal));

        using var unknown = await server.Http.GetAsync("/collections/nope/schema");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }
}
