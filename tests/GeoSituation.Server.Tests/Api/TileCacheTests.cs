using System.Net;

namespace GeoSituation.Server.Tests.Api;

/// <summary>Cached tiles are never stale: after POST /articles returns, the affected tiles show the new article.</summary>
[Collection(ServerCollection.Name)]
public sealed class TileCacheTests(ServerFixture server)
{
    private static (int X, int Y) TileOf(double lon, double lat, int z)
    {
        var n = 1 << z;
        var r = lat * Math.PI / 180;
        return ((int)Math.Floor((lon + 180) / 360 * n), (int)Math.Floor((1 - Math.Log(Math.Tan(r) + 1 / Math.Cos(r)) / Math.PI) / 2 * n));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(10)]
    public async Task A_cached_tile_shows_a_new_article_as_soon_as_the_post_returns(int zoom)
    {
        // Nothing else in the tests names Amman; the first article tells where the geoparser puts it.
        const string text = "Hundreds of families arrived in Amman, Jordan, on Sunday, the UN refugee agency said.";
        var (_, first) = await server.PostArticleAsync(new { title = "Arrivals", text = $"{text} Ref {Guid.NewGuid():N}." });
        var amman = first.GetProperty("places").EnumerateArray().First(p => p.GetProperty("surfaces")[0].GetString() == "Amman");
        var (x, y) = TileOf(amman.GetProperty("lon").GetDouble(), amman.GetProperty("lat").GetDouble(), zoom);
        var path = $"/tiles/mentions/{zoom}/{x}/{y}.mvt";
        var before = await server.Http.GetByteArrayAsync(path);
        Assert.Equal(before, await server.Http.GetByteArrayAsync(path));
        var mentionsBefore = TileTests.FeatureCount(await TileTests.OgrInfoAsync(before), "mentions");
        Assert.True(mentionsBefore >= 1);

        var (status, _) = await server.PostArticleAsync(new { title = "More arrivals", text = $"{text} Ref {Guid.NewGuid():N}." });
        Assert.Equal(HttpStatusCode.Created, status);

        var after = await server.Http.GetByteArrayAsync(path);
        Assert.True(TileTests.FeatureCount(await TileTests.OgrInfoAsync(after), "mentions") > mentionsBefore, "the cached tile must show the new mention");
    }

    [Fact]
    public async Task Unaffected_tiles_stay_cached_with_the_same_etag()
    {
        // A tile over the Pacific: no article puts anything there.
        using var first = await server.Http.GetAsync("/tiles/places/6/0/30.mvt");
        await server.PostArticleAsync(new { title = "Elsewhere", text = $"Talks resumed in Cairo. Ref {Guid.NewGuid():N}." });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/tiles/places/6/0/30.mvt");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }
}
