using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace GeoSituation.Server.Tests.Api;

/// <summary>
/// The displacement summary and the flows over real HTTP, from articles posted as text (the whole pipeline):
/// four publishers give different figures for Deir al-Balah in the week of 6-12 November 2023. GDAL must read
/// both collections completely, page by page, and the summary tile layer.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class DisplacementSummaryApiTests(ServerFixture server)
{
    private const long DeirAlBalah = 281141;
    private const long KhanYunis = 281124;

    private static readonly object[] Articles =
    [
        new { title = "UNRWA situation report 20", source = "UNRWA", url = "https://www.unrwa.org/sitrep-20", published = "2023-11-07T09:00:00Z",
              text = "About 500,000 displaced people are sheltering in Deir al-Balah, UNRWA said. Water is running out." },
        new { title = "OCHA flash update 33", source = "OCHA", url = "https://www.ochaopt.org/flash-33", published = "2023-11-08T09:00:00Z",
              text = "Some 600,000 people are now sheltering in Deir al-Balah, according to OCHA." },
        new { title = "Central Gaza fills up", source = "Reuters", url = "https://www.reuters.com/world/deir-1", published = "2023-11-09T09:00:00Z",
              text = "Between 450,000 and 700,000 displaced people are staying in Deir al-Balah, aid agencies said on Thursday." },
        new { title = "Exodus to the centre", source = "AP", url = "https://apnews.com/article/deir-2", published = "2023-11-09T15:00:00Z",
              text = "More than 50,000 people fled from Khan Younis to Deir al-Balah this week, the UN said from Cairo." },
    ];

    private async Task PostArticlesAsync()
    {
        foreach (var article in Articles)
        {
            var (status, body) = await server.PostArticleAsync(article);
            Assert.True(status is HttpStatusCode.Created or HttpStatusCode.OK, $"POST /articles: {(int)status} {body}");
        }
    }

    [Fact]
    public async Task Summary_of_disagreeing_sources_shows_the_range_and_the_latest_never_an_average()
    {
        await PostArticlesAsync();

        var page = await server.GetJsonAsync($"/collections/displacement-summary/items?place_id={DeirAlBalah}&period=2023-W45&direction=at");
        var feature = Assert.Single(page.GetProperty("features").EnumerateArray());
        var p = feature.GetProperty("properties");
        // Latest: Reuters on 9 November (a range: its conservative end is the figure).
        Assert.Equal(450_000, p.GetProperty("people").GetInt64());
        Assert.Equal("Reuters", p.GetProperty("source").GetString());
        Assert.Equal("2023-11-09", p.GetProperty("as_of").GetString());
        // The lowest and highest figures any source gave, with the source.
        Assert.Equal(450_000, p.GetProperty("low").GetInt64());
        Assert.Equal("Reuters", p.GetProperty("low_source").GetString());
        Assert.Equal(700_000, p.GetProperty("high").GetInt64());
        Assert.Equal("Reuters", p.GetProperty("high_source").GetString());
        Assert.Equal(3, p.GetProperty("sources").GetInt32());
        Assert.Equal(3, p.GetProperty("figures").GetInt32());
        // Deir al-Balah (the town) lies in Deir al-Balah governorate, whose outline is surveyed (Who's On First).
        Assert.Equal("PS0265", p.GetProperty("pcode").GetString());
        Assert.False(p.GetProperty("pcode_approximate").GetBoolean());
        // No average: (500,000 + 600,000 + 450,000) / 3 = 516,667 is nowhere.
        Assert.DoesNotContain("516666", feature.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("516667", feature.GetRawText(), StringComparison.Ordinal);

        // The movement from Khan Younis is summarised apart: it says how many came, not how many are there.
        var moved = await server.GetJsonAsync($"/collections/displacement-summary/items?place_id={DeirAlBalah}&period=2023-W45&direction=to");
        Assert.Equal(50_000, Assert.Single(moved.GetProperty("features").EnumerateArray()).GetProperty("properties").GetProperty("people").GetInt64());
    }

    [Fact]
    public async Task Flow_from_Khan_Younis_carries_people_and_source_and_no_reporting_place()
    {
        await PostArticlesAsync();

        var page = await server.GetJsonAsync($"/collections/flows/items?destination_geonameid={DeirAlBalah}&source=AP");
        var flow = Assert.Single(page.GetProperty("features").EnumerateArray());
        var p = flow.GetProperty("properties");
        Assert.Equal(50_000, p.GetProperty("people").GetInt64());
        // "the UN said from Cairo" is where the UN spoke, not where people came from.
        Assert.Equal(KhanYunis, p.GetProperty("origin_geonameid").GetInt64());
        Assert.Equal("https://apnews.com/article/deir-2", p.GetProperty("article_url").GetString());
        Assert.Equal("LineString", flow.GetProperty("geometry").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Ogrinfo_lists_the_summary_and_ogr2ogr_copies_summary_and_flows_two_per_page()
    {
        await PostArticlesAsync();

        var listing = await GdalTool.RunAsync("ogrinfo", "-ro", $"OAPIF:{server.BaseAddress}");
        Assert.Contains(": displacement-summary (title:", listing, StringComparison.Ordinal);
        foreach (var collection in new[] { "displacement-summary", "flows" })
        {
            var matched = (await server.GetJsonAsync($"/collections/{collection}/items?limit=1")).GetProperty("numberMatched").GetInt64();
            Assert.True(matched >= 1, collection);
            var target = Path.Combine(Path.GetTempPath(), $"oapif-{collection}-{Guid.NewGuid():N}.json");
            try
            {
                await GdalTool.RunAsync("ogr2ogr", "-f", "GeoJSON", target, $"OAPIF:{server.BaseAddress}", collection, "-oo", "PAGE_SIZE=2");
                using var copied = JsonDocument.Parse(await File.ReadAllTextAsync(target));
                var features = copied.RootElement.GetProperty("features");
                Assert.Equal(matched, features.GetArrayLength());
                Assert.Equal(matched, features.EnumerateArray().Select(f => f.GetProperty("properties").GetRawText()).Distinct().Count());
            }
            finally
            {
                File.Delete(target);
            }
        }
    }

    [Fact]
    public async Task Summary_tile_layer_is_read_by_ogrinfo_and_drawn_as_png()
    {
        await PostArticlesAsync();

        using var response = await server.Http.GetAsync("/tiles/displacement-summary/8/152/104?datetime=2023-11-06T00:00:00Z/2023-11-12T23:59:59Z");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var path = Path.Combine(Path.GetTempPath(), $"summary-{Guid.NewGuid():N}.mvt");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        try
        {
            var info = await GdalTool.RunAsync("ogrinfo", "-ro", "-al", path);
            Assert.Contains("Layer name: displacement-summary", info, StringComparison.Ordinal);
            Assert.Contains("period (String) = 2023-W45", info, StringComparison.Ordinal);
            Assert.Contains("high (Integer", info, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
        var tileJson = await server.GetJsonAsync("/tiles/displacement-summary");
        Assert.Contains(tileJson.GetProperty("vector_layers").EnumerateArray(), l => l.GetProperty("id").GetString() == "displacement-summary");

        using var png = await server.Http.GetAsync("/tiles/displacement-summary/8/152/104.png");
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
    }
}
