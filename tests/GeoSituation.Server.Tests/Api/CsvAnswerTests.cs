using System.Net;

namespace GeoSituation.Server.Tests.Api;

/// <summary>`?f=csv` is the whole answer, with a length GDAL's /vsicurl/ can read; HEAD answers wherever GET does.</summary>
[Collection(ServerCollection.Name)]
public sealed class CsvAnswerTests(ServerFixture server)
{
    [Theory]
    [InlineData("mentions", "")]
    [InlineData("places", "")]
    [InlineData("mentions", "&country=PS")]
    [InlineData("mentions", "&bbox=34,31,35,32")]
    public async Task Csv_without_a_limit_has_every_matching_row_and_a_length(string collection, string filters)
    {
        var matched = (await server.GetJsonAsync($"/collections/{collection}/items?limit=1{filters}")).GetProperty("numberMatched").GetInt64();
        Assert.True(matched > 0);
        using var response = await server.Http.GetAsync($"/collections/{collection}/items?f=csv{filters}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.Equal($"{collection}.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var lines = System.Text.Encoding.UTF8.GetString(bytes).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        // The header and the HXL hashtag row, then one row per feature.
        Assert.StartsWith("#", lines[1], StringComparison.Ordinal);
        Assert.Equal(matched, lines.Length - 2);
    }

    [Fact]
    public async Task Csv_with_a_limit_is_still_one_page()
    {
        var lines = (await server.Http.GetStringAsync("/collections/mentions/items?f=csv&limit=3")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3 + 2, lines.Length);
    }

    [Fact]
    public async Task Hxl_false_leaves_out_the_hashtag_row()
    {
        var with = (await server.Http.GetStringAsync("/collections/places/items?f=csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var without = (await server.Http.GetStringAsync("/collections/places/items?f=csv&hxl=false")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(with.Length - 1, without.Length);
        Assert.Equal(with[0], without[0]);
        Assert.DoesNotContain(without, line => line.StartsWith('#'));

        foreach (var bad in new[] { "/collections/places/items?hxl=false", "/collections/places/items?f=csv&hxl=no" })
        {
            using var response = await server.Http.GetAsync(bad);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Ogrinfo_reads_the_whole_csv_through_vsicurl()
    {
        var matched = (await server.GetJsonAsync("/collections/mentions/items?limit=1")).GetProperty("numberMatched").GetInt64();
        var url = $"{server.BaseAddress}collections/mentions/items?f=csv&hxl=false";
        var info = await GdalTool.RunAsync("ogrinfo", "-ro", "-al", "-so", "CSV:/vsicurl/" + url);
        Assert.Contains($"Feature Count: {matched}", info);
        Assert.Contains("place_id: String", info);
        // With the hashtag row GDAL still opens the file (the row reads as one more feature).
        var withHxl = await GdalTool.RunAsync("ogrinfo", "-ro", "-al", "-so", $"CSV:/vsicurl/{server.BaseAddress}collections/mentions/items?f=csv");
        Assert.Contains($"Feature Count: {matched + 1}", withHxl);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/conformance")]
    [InlineData("/collections")]
    [InlineData("/collections/places")]
    [InlineData("/collections/places/queryables")]
    [InlineData("/collections/places/schema")]
    [InlineData("/collections/places/items?limit=2")]
    [InlineData("/collections/places/items?f=csv")]
    [InlineData("/collections/nope/items")]
    [InlineData("/collections/places/items?bbox=1")]
    [InlineData("/tiles")]
    [InlineData("/tiles/places")]
    [InlineData("/tiles/places/metadata.json")]
    [InlineData("/tiles/places/0/0/0.pbf")]
    [InlineData("/openapi/v1.json")]
    public async Task Head_answers_wherever_get_does_with_the_same_headers_and_no_body(string path)
    {
        using var get = await server.Http.GetAsync(path);
        var getBody = await get.Content.ReadAsByteArrayAsync();
        using var head = await server.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        if (head.Content.Headers.ContentLength is { } length && path.Contains("f=csv", StringComparison.Ordinal)) Assert.Equal(getBody.Length, length);
    }
}
