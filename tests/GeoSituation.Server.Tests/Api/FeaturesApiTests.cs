using System.Net;
using System.Text.Json;

namespace GeoSituation.Server.Tests.Api;

/// <summary>OGC API Features as GDAL and QGIS use it: landing, conformance, collections, GeoJSON items with keyset paging.</summary>
[Collection(ServerCollection.Name)]
public sealed class FeaturesApiTests(ServerFixture server)
{
    [Fact]
    public async Task Landing_page_is_json_for_clients_and_the_map_for_browsers()
    {
        var landing = await server.GetJsonAsync("/?f=json");
        var rels = landing.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("rel").GetString()).ToList();
        Assert.Superset(new HashSet<string?> { "self", "alternate", "service-desc", "service-doc", "conformance", "data" }, rels.ToHashSet());

        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        using var html = await server.Http.SendAsync(request);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);

        using var openApi = await server.Http.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        Assert.StartsWith("3.0", JsonDocument.Parse(await openApi.Content.ReadAsStringAsync()).RootElement.GetProperty("openapi").GetString());
    }

    [Fact]
    public async Task Collections_list_every_layer_with_extent_and_items_link()
    {
        var conformance = await server.GetJsonAsync("/conformance");
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            conformance.GetProperty("conformsTo").EnumerateArray().Select(c => c.GetString()));
        var collections = await server.GetJsonAsync("/collections");
        var ids = collections.GetProperty("collections").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.Equal(["places", "mentions", "displacement", "displacement-summary", "events", "flows", "articles"], ids);
        var places = await server.GetJsonAsync("/collections/places");
        Assert.Equal(4, places.GetProperty("extent").GetProperty("spatial").GetProperty("bbox")[0].GetArrayLength());
        var items = places.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("rel").GetString() == "items");
        Assert.Equal("application/geo+json", items.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Items_page_through_every_mention_with_next_links_and_counts()
    {
        using var first = await server.Http.GetAsync("/collections/mentions/items?limit=2");
        Assert.Equal("application/geo+json", first.Content.Headers.ContentType?.MediaType);
        var page = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement;
        var matched = page.GetProperty("numberMatched").GetInt64();
        Assert.True(matched > 4, $"the seed has more than 4 mentions, got {matched}");
        Assert.True(page.TryGetProperty("timeStamp", out _));

        var seen = new List<long>();
        var pages = 0;
        while (true)
        {
            pages++;
            Assert.True(page.GetProperty("numberReturned").GetInt32() <= 2);
            seen.AddRange(page.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetInt64()));
            var next = page.GetProperty("links").EnumerateArray().FirstOrDefault(l => l.GetProperty("rel").GetString() == "next");
            if (next.ValueKind == JsonValueKind.Undefined) break;
            page = await server.GetJsonAsync(next.GetProperty("href").GetString()!);
            Assert.True(pages < 1000);
        }
        Assert.Equal(seen.Order(), seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.True(seen.Count >= matched, $"paged {seen.Count} of {matched}");
    }

    [Fact]
    public async Task Prev_link_returns_the_page_before()
    {
        var first = await server.GetJsonAsync("/collections/mentions/items?limit=3");
        var next = first.GetProperty("links").EnumerateArray().First(l => l.GetProperty("rel").GetString() == "next").GetProperty("href").GetString()!;
        var second = await server.GetJsonAsync(next);
        var prev = second.GetProperty("links").EnumerateArray().First(l => l.GetProperty("rel").GetString() == "prev").GetProperty("href").GetString()!;
        var back = await server.GetJsonAsync(prev);
        Assert.Equal(
            first.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetInt64()),
            back.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task Bbox_keeps_only_features_inside()
    {
        var gaza = await server.GetJsonAsync("/collections/places/items?bbox=34.2,31.2,34.6,31.6&limit=100");
        var names = gaza.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("name").GetString()).ToList();
        Assert.NotEmpty(names);
        Assert.DoesNotContain("Paris", names);
        Assert.DoesNotContain("Cairo", names);
        foreach (var feature in gaza.GetProperty("features").EnumerateArray())
        {
            var c = feature.GetProperty("geometry").GetProperty("coordinates");
            Assert.InRange(c[0].GetDouble(), 34.2, 34.6);
            Assert.InRange(c[1].GetDouble(), 31.2, 31.6);
        }
        var paris = await server.GetJsonAsync("/collections/places/items?bbox=2,48,3,49");
        Assert.Contains("Paris", paris.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Property_filters_and_single_items_work()
    {
        var any = (await server.GetJsonAsync("/collections/places/items?limit=1")).GetProperty("features")[0];
        var name = any.GetProperty("properties").GetProperty("name").GetString()!;
        var filtered = await server.GetJsonAsync($"/collections/places/items?name={Uri.EscapeDataString(name)}");
        var feature = Assert.Single(filtered.GetProperty("features").EnumerateArray());
        var id = feature.GetProperty("id").GetInt64();
        var one = await server.GetJsonAsync($"/collections/places/items/{id}");
        Assert.Equal(name, one.GetProperty("properties").GetProperty("name").GetString());
        Assert.Contains(one.GetProperty("links").EnumerateArray(), l => l.GetProperty("rel").GetString() == "self");

        var articles = await server.GetJsonAsync("/collections/articles/items");
        Assert.All(articles.GetProperty("features").EnumerateArray(), f => Assert.Equal(JsonValueKind.Null, f.GetProperty("geometry").ValueKind));
    }

    [Fact]
    public async Task Reads_allow_any_origin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/collections/places/items?limit=1");
        request.Headers.Add("Origin", "http://dashboard.example");
        using var response = await server.Http.SendAsync(request);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }
}
