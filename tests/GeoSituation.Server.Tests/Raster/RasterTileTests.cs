using System.Net;
using GeoSituation.Server.Tests.Api;
using SkiaSharp;

namespace GeoSituation.Server.Tests.Raster;

/// <summary>PNG tiles over real HTTP from the seeded server: decodable, 256 px, drawn where the data is, empty elsewhere.</summary>
[Collection(ServerCollection.Name)]
public sealed class RasterTileTests(ServerFixture server)
{
    /// <summary>The tile holding a point and the point's pixel inside that 256 px tile (Web Mercator).</summary>
    private static (int X, int Y, int Px, int Py) PixelOf(double lon, double lat, int z)
    {
        var n = 1 << z;
        var r = lat * Math.PI / 180;
        var fx = (lon + 180) / 360 * n;
        var fy = (1 - Math.Log(Math.Tan(r) + 1 / Math.Cos(r)) / Math.PI) / 2 * n;
        return ((int)fx, (int)fy, (int)((fx - Math.Floor(fx)) * 256), (int)((fy - Math.Floor(fy)) * 256));
    }

    /// <summary>Where the pipeline stored Rafah: the stored town nearest to its GeoNames position (cities500).</summary>
    private async Task<(double Lon, double Lat)> StoredRafahAsync()
    {
        var page = await server.GetJsonAsync("/collections/places/items?limit=1000");
        return page.GetProperty("features").EnumerateArray()
            .Where(f => f.GetProperty("properties").GetProperty("kind").GetString() is "city" or "admin")
            .Select(f => f.GetProperty("geometry").GetProperty("coordinates"))
            .Select(c => (Lon: c[0].GetDouble(), Lat: c[1].GetDouble()))
            .MinBy(c => Math.Pow(c.Lon - 34.24357, 2) + Math.Pow(c.Lat - 31.29722, 2));
    }

    private async Task<SKBitmap> GetPngAsync(string path)
    {
        using var response = await server.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var bitmap = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.NotNull(bitmap);
        return bitmap;
    }

    private static int DrawnPixelsAround(SKBitmap bitmap, int px, int py, int radius)
    {
        var drawn = 0;
        for (var x = Math.Max(0, px - radius); x <= Math.Min(255, px + radius); x++)
        {
            for (var y = Math.Max(0, py - radius); y <= Math.Min(255, py + radius); y++)
            {
                if (bitmap.GetPixel(x, y).Alpha > 0) drawn++;
            }
        }
        return drawn;
    }

    [Fact]
    public async Task Places_png_at_z8_is_256_px_with_Rafah_drawn_in_the_places_colour()
    {
        var (lon, lat) = await StoredRafahAsync();
        var (x, y, px, py) = PixelOf(lon, lat, 8);
        using var bitmap = await GetPngAsync($"/tiles/places/8/{x}/{y}.png");
        Assert.Equal(256, bitmap.Width);
        Assert.Equal(256, bitmap.Height);
        Assert.True(DrawnPixelsAround(bitmap, px, py, 2) >= 20, $"Rafah at pixel {px},{py} of tile 8/{x}/{y} is not drawn");
        // style.json: places are circles of #2471a3 at 0.8 opacity with a white stroke; the centre is the fill.
        var centre = bitmap.GetPixel(px, py);
        Assert.True(centre.Blue > centre.Red + 60 && centre.Alpha > 150, $"centre pixel {centre} is not the places blue");
    }

    [Fact]
    public async Task The_eastern_half_of_the_world_at_z1_shows_the_Middle_East()
    {
        // Regression: a tile envelope widened past 180 degrees wrapped round to the western hemisphere.
        var (lon, lat) = await StoredRafahAsync();
        var (x, y, px, py) = PixelOf(lon, lat, 1);
        using var bitmap = await GetPngAsync($"/tiles/places/1/{x}/{y}.png");
        Assert.True(DrawnPixelsAround(bitmap, px, py, 2) >= 10, $"nothing drawn at Rafah ({px},{py}) in 1/{x}/{y}");
    }

    [Fact]
    public async Task Data_tiles_without_data_are_fully_transparent()
    {
        // 8/0/128: open Pacific, where the seed names nothing.
        using var bitmap = await GetPngAsync("/tiles/places,displacement,events,flows/8/0/128.png");
        Assert.Equal(256, bitmap.Width);
        Assert.All(bitmap.Pixels, p => Assert.Equal(0, p.Alpha));
    }

    [Fact]
    public async Task Basemap_png_draws_sea_land_and_outlines()
    {
        var (lon, lat) = await StoredRafahAsync();
        var (x, y, _, _) = PixelOf(lon, lat, 6);
        using var bitmap = await GetPngAsync($"/tiles/basemap/6/{x}/{y}.png");
        var colours = bitmap.Pixels.GroupBy(p => p).OrderByDescending(g => g.Count()).ToList();
        Assert.All(bitmap.Pixels, p => Assert.Equal(255, p.Alpha));
        // Sea (#d6e4ec) and land (#f3f0e8) from style.json both cover a good part of the eastern Mediterranean.
        Assert.Contains(colours, g => g.Key == new SKColor(0xd6, 0xe4, 0xec) && g.Count() > 2000);
        Assert.Contains(colours, g => g.Key == new SKColor(0xf3, 0xf0, 0xe8) && g.Count() > 2000);
        Assert.True(colours.Count > 10, "no country outlines drawn");
    }

    [Fact]
    public async Task Composite_png_draws_data_over_the_basemap()
    {
        var (lon, lat) = await StoredRafahAsync();
        var (x, y, px, py) = PixelOf(lon, lat, 8);
        using var plain = await GetPngAsync($"/tiles/basemap/8/{x}/{y}.png");
        using var composite = await GetPngAsync($"/tiles/basemap,displacement,places/8/{x}/{y}.png");
        Assert.NotEqual(plain.GetPixel(px, py), composite.GetPixel(px, py));
    }

    [Fact]
    public async Task Png_tiles_revalidate_with_etag_and_allow_any_origin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/tiles/places/8/152/104.png");
        request.Headers.Add("Origin", "https://dashboard.example");
        using var first = await server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("*", first.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/tiles/places/8/152/104.png");
        again.Headers.IfNoneMatch.Add(etag);
        using var second = await server.Http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal("hit", second.Headers.GetValues("X-Tile-Cache").Single());
    }

    [Fact]
    public async Task A_cached_png_is_redrawn_as_soon_as_an_article_about_its_area_is_stored()
    {
        // Nothing else in the tests names Windhoek; the first article tells where the geoparser puts it.
        const string text = "Heavy rains flooded parts of Windhoek, Namibia, on Monday, officials said.";
        var (_, first) = await server.PostArticleAsync(new { title = "Floods", text = $"{text} Ref {Guid.NewGuid():N}." });
        var windhoek = first.GetProperty("places").EnumerateArray().First(p => p.GetProperty("surfaces")[0].GetString() == "Windhoek");
        var (x, y, _, _) = PixelOf(windhoek.GetProperty("lon").GetDouble(), windhoek.GetProperty("lat").GetDouble(), 7);
        var path = $"/tiles/places/7/{x}/{y}.png";
        var before = await server.Http.GetByteArrayAsync(path);
        // A tile drawn while any invalidation ran (another test's article arriving by NOTIFY) is served but not
        // kept: ask again until the cache holds it.
        var cachedAt = 0;
        for (var attempt = 1; attempt <= 10 && cachedAt == 0; attempt++)
        {
            using var cached = await server.Http.GetAsync(path);
            if (cached.Headers.GetValues("X-Tile-Cache").Single() == "hit") cachedAt = attempt;
        }
        Assert.True(cachedAt > 0, "the PNG must be cached before the second article");

        var (status, _) = await server.PostArticleAsync(new { title = "More floods", text = $"{text} Ref {Guid.NewGuid():N}." });
        Assert.Equal(HttpStatusCode.Created, status);

        using var response = await server.Http.GetAsync(path);
        Assert.Equal("miss", response.Headers.GetValues("X-Tile-Cache").Single());
        // Two mentions make a bigger circle (circle-radius grows with sqrt(mentions)).
        Assert.NotEqual(before, await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/tiles/places/8/256/0.png", 400)]
    [InlineData("/tiles/places/23/0/0.png", 400)]
    [InlineData("/tiles/places/-1/0/0.png", 400)]
    [InlineData("/tiles/places/8/x/1.png", 400)]
    [InlineData("/tiles/places/8/1/99999999999999999999.png", 400)]
    [InlineData("/tiles/places/8/1/1.png?datetime=yesterday", 400)]
    [InlineData("/tiles/nowhere/8/1/1.png", 404)]
    [InlineData("/tiles/places,places/8/1/1.png", 404)]
    public async Task Bad_requests_get_problem_json(string path, int status)
    {
        using var response = await server.Http.GetAsync(path);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
