using System.Diagnostics;
using System.Text.Json;

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
}
