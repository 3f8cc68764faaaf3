using System.Net;
using GeoSituation.Core.Articles;
using GeoSituation.Core.Gazetteer;
using GeoSituation.Core.Geoparsing;
using GeoSituation.Core.Text;
using GeoSituation.Postgis.Articles;
using GeoSituation.Postgis.Database;
using GeoSituation.Postgis.Embedded;

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
    [InlineData(13)]
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
        var mentionsBefore = await MentionsInTileAsync(before);
        Assert.True(mentionsBefore >= 1);

        var (status, _) = await server.PostArticleAsync(new { title = "More arrivals", text = $"{text} Ref {Guid.NewGuid():N}." });
        Assert.Equal(HttpStatusCode.Created, status);

        var after = await server.Http.GetByteArrayAsync(path);
        Assert.True(await MentionsInTileAsync(after) > mentionsBefore, "the cached tile must show the new mention");
    }

    [Fact]
    public async Task Articles_stored_by_another_process_reach_cached_tiles_within_seconds()
    {
        // As `geosituation ingest` does while the server runs: its own data source, no in-process event.
        var place = new GazetteerEntry { Id = 1609350, Name = "Bangkok", Kind = PlaceKind.City, Latitude = 13.75398, Longitude = 100.50144, CountryCode = "TH" };
        var (x, y) = TileOf(place.Longitude, place.Latitude, 5);
        var path = $"/tiles/places/5/{x}/{y}.mvt";
        async Task<int> PlacesInTileAsync()
        {
            var tile = await server.Http.GetByteArrayAsync(path);
            return tile.Length == 0 ? 0 : TileTests.FeatureCount(await TileTests.OgrInfoAsync(tile), "places");
        }
        var before = await PlacesInTileAsync();

        var text = $"Flooding hit Bangkok. Ref {Guid.NewGuid():N}.";
        var start = text.IndexOf("Bangkok", StringComparison.Ordinal);
        var analysis = new ArticleAnalysis(new ArticleInput { Title = "Elsewhere", Text = text }, ContentHash.Of(text),
            SentenceSplitter.Split(text), [new Toponym(new TextSpan(start, start + 7), "Bangkok", place, 0.9)], [], []);
        var connection = EmbeddedPostgres.ConnectionStringFor(new EmbeddedPostgresOptions { DataFolder = server.DataFolder });
        await using (var otherProcess = GeoDataSource.Create(connection))
        {
            Assert.True((await new ArticleStore(otherProcess).SaveAsync(analysis)).Created);
        }

        var deadline = DateTime.UtcNow.AddSeconds(5);
        int after;
        do
        {
            await Task.Delay(100);
            after = await PlacesInTileAsync();
        }
        while (after == before && DateTime.UtcNow < deadline);
        Assert.Equal(before + 1, after);
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

    [Fact]
    public async Task A_cache_hit_answered_before_routing_has_the_bytes_and_headers_of_the_endpoint()
    {
        const string path = "/tiles/basemap/4/9/6.mvt";
        async Task<HttpResponseMessage> GetAsync(string query = "", string? ifNoneMatch = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path + query);
            request.Headers.Add("Origin", "https://dashboard.example");
            if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
            return await server.Http.SendAsync(request);
        }
        // A query string always goes down the routed endpoint (the basemap ignores datetime); the plain path, once
        // the tile is cached, is answered by the shortcut.
        using var viaEndpoint = await GetAsync("?datetime=../..");
        Assert.Equal(HttpStatusCode.OK, viaEndpoint.StatusCode);
        using var viaShortcut = await GetAsync();
        Assert.Equal("hit", viaShortcut.Headers.GetValues("X-Tile-Cache").Single());
        Assert.Equal(await viaEndpoint.Content.ReadAsByteArrayAsync(), await viaShortcut.Content.ReadAsByteArrayAsync());
        foreach (var header in new[] { "ETag", "Cache-Control", "X-Content-Type-Options", "Referrer-Policy", "Access-Control-Allow-Origin" })
        {
            Assert.Equal(viaEndpoint.Headers.GetValues(header), viaShortcut.Headers.GetValues(header));
        }
        Assert.Equal(viaEndpoint.Content.Headers.ContentType, viaShortcut.Content.Headers.ContentType);
        Assert.Contains("ETag", viaShortcut.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.OrdinalIgnoreCase);

        using var revalidated = await GetAsync(ifNoneMatch: viaShortcut.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal(viaShortcut.Headers.ETag, revalidated.Headers.ETag);
    }

    [Theory]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("br;q=0, gzip", "gzip")]
    public async Task Cached_tiles_go_out_compressed_once_with_an_etag_per_encoding(string acceptEncoding, string expected)
    {
        const string path = "/tiles/places/8/152/104.mvt";
        var plain = await server.Http.GetByteArrayAsync(path);
        async Task<HttpResponseMessage> GetAsync(string? ifNoneMatch = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
            if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
            return await server.Http.SendAsync(request);
        }
        using var compressed = await GetAsync();
        Assert.Equal(expected, compressed.Content.Headers.ContentEncoding.Single());
        Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
        var body = await compressed.Content.ReadAsByteArrayAsync();
        Assert.True(body.Length < plain.Length);
        using (var input = new MemoryStream(body))
        using (Stream decompressor = expected == "br" ? new System.IO.Compression.BrotliStream(input, System.IO.Compression.CompressionMode.Decompress) : new System.IO.Compression.GZipStream(input, System.IO.Compression.CompressionMode.Decompress))
        using (var output = new MemoryStream())
        {
            await decompressor.CopyToAsync(output);
            Assert.Equal(plain, output.ToArray());
        }
        using var identity = await server.Http.GetAsync(path);
        Assert.NotEqual(identity.Headers.ETag, compressed.Headers.ETag);
        using var revalidated = await GetAsync(compressed.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    /// <summary>Mentions a tile shows: below zoom 12 features are per place with a count, from zoom 12 one per mention (count 1).</summary>
    private static async Task<long> MentionsInTileAsync(byte[] tile)
    {
        var info = await TileTests.OgrInfoAsync(tile, summaryOnly: false);
        return System.Text.RegularExpressions.Regex.Matches(info, @"^\s*mentions \(\w+\) = (\d+)", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Sum(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }
}
