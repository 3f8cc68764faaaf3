using System.Diagnostics;
using GeoSituation.Postgis.Articles;
using GeoSituation.Postgis.Features;
using GeoSituation.Postgis.Tiles;

namespace GeoSituation.Postgis.Tests;

[Collection(PostgisCollection.Name)]
public sealed class FeatureAndTileTests(PostgisFixture fixture)
{
    private static FeatureCollectionInfo Collection(string id) => FeatureCatalogue.Find(id)!;

    private async Task SeedAsync(int articles)
    {
        var store = new ArticleStore(fixture.DataSource);
        for (var i = 0; i < articles; i++) await store.SaveAsync(Analyses.Article($"Feature {i} {Guid.NewGuid():N}", Analyses.Rafah, Analyses.Cairo));
    }

    [Fact]
    public async Task Keyset_pages_cover_every_mention_once_in_order()
    {
        await SeedAsync(5);
        var features = new FeatureStore(fixture.DataSource);
        var total = await features.CountAsync(new FeatureQuery(Collection("mentions"), 3));
        var seen = new List<long>();
        long? after = null;
        while (true)
        {
            var page = new List<FeatureRow>();
            await foreach (var row in features.ReadAsync(new FeatureQuery(Collection("mentions"), 3, After: after))) page.Add(row);
            seen.AddRange(page.Take(3).Select(r => r.Fid));
            if (page.Count <= 3) break;
            after = page[2].Fid;
        }
        Assert.Equal(total, seen.Count);
        Assert.Equal(seen.Order(), seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task A_large_page_read_in_growing_chunks_is_the_same_rows_as_small_pages()
    {
        // Each article has two mentions: 200 of them give 400 mentions, past chunks of 50, 100 and 200 rows.
        await SeedAsync(200);
        var features = new FeatureStore(fixture.DataSource);
        var all = new List<long>();
        long? after = null;
        while (true)
        {
            var page = new List<FeatureRow>();
            await foreach (var row in features.ReadAsync(new FeatureQuery(Collection("mentions"), 40, After: after))) page.Add(row);
            all.AddRange(page.Take(40).Select(r => r.Fid));
            if (page.Count <= 40) break;
            after = page[39].Fid;
        }
        Assert.True(all.Count >= 400, $"{all.Count} mentions");

        int[] limits = [1, FeatureStore.FirstChunkRows - 1, FeatureStore.FirstChunkRows, FeatureStore.FirstChunkRows + 1, 149, 150, 151, 349, 350, 351, all.Count - 1, all.Count];
        foreach (var limit in limits)
        {
            var page = new List<long>();
            await foreach (var row in features.ReadAsync(new FeatureQuery(Collection("mentions"), limit))) page.Add(row.Fid);
            // limit rows, and the one after them when there is one: it tells the caller a next page exists.
            Assert.Equal(all.Take(limit + 1), page);
        }
    }

    [Fact]
    public async Task Bbox_datetime_and_property_filters_select_features()
    {
        await SeedAsync(1);
        var features = new FeatureStore(fixture.DataSource);
        var gaza = new BoundingBox(34.0, 31.0, 34.6, 31.6);
        var inGaza = new List<string>();
        await foreach (var row in features.ReadAsync(new FeatureQuery(Collection("places"), 100, gaza))) inGaza.Add(row.Json);
        Assert.Contains(inGaza, json => json.Contains("\"Rafah\"", StringComparison.Ordinal));
        Assert.DoesNotContain(inGaza, json => json.Contains("\"Cairo\"", StringComparison.Ordinal));

        var before = new FeatureQuery(Collection("mentions"), 10, End: new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await features.CountAsync(before));
        var onDay = new FeatureQuery(Collection("displacement"), 10,
            Start: new DateTimeOffset(2024, 2, 13, 0, 0, 0, TimeSpan.Zero), End: new DateTimeOffset(2024, 2, 13, 23, 59, 59, TimeSpan.Zero));
        Assert.True(await features.CountAsync(onDay) >= 1);

        var cairo = new FeatureQuery(Collection("places"), 10, PropertyEquals: [new("name", "Cairo")]);
        Assert.Equal(1, await features.CountAsync(cairo));
        var injection = new FeatureQuery(Collection("places"), 10, PropertyEquals: [new("name", "x' OR '1'='1")]);
        Assert.Equal(0, await features.CountAsync(injection));
    }

    [Fact]
    public async Task Places_tile_is_a_valid_mvt_for_ogrinfo()
    {
        await SeedAsync(1);
        var tiles = new TileStore(fixture.DataSource);
        // z8 tile 152/104 covers the Gaza Strip.
        var bytes = await tiles.GetTileAsync(TileCatalogue.Find("places")!, 8, 152, 104);
        var output = await Ogrinfo.ReadTileAsync(bytes);
        Assert.Contains("Layer name: places", output);
        Assert.Contains("name (String) = Rafah", output);
        Assert.DoesNotContain("name (String) = Cairo", output);
        Assert.Empty(await tiles.GetTileAsync(TileCatalogue.Find("places")!, 8, 0, 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => tiles.GetTileAsync(TileCatalogue.Find("places")!, 1, 2, 0));
    }
}
