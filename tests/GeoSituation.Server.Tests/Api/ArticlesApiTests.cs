using System.Net;
using System.Text.Json;

namespace GeoSituation.Server.Tests.Api;

/// <summary>POST /articles stores once per content, answers what was found; GET /articles pages with a total.</summary>
[Collection(ServerCollection.Name)]
public sealed class ArticlesApiTests(ServerFixture server)
{
    [Fact]
    public async Task Posting_twice_returns_the_same_id_and_adds_nothing()
    {
        var article = new { title = "Crossing", text = $"Aid trucks reached Khan Yunis from Cairo on Monday. Ref {Guid.NewGuid():N}.", source = "test", published = "2024-02-12" };
        var (status, body) = await server.PostArticleAsync(article);
        Assert.Equal(HttpStatusCode.Created, status);
        var id = body.GetProperty("id").GetInt64();
        Assert.True(body.GetProperty("created").GetBoolean());
        Assert.Contains(body.GetProperty("places").EnumerateArray(), p => p.GetProperty("geonameid").ValueKind == JsonValueKind.Number);
        var before = (await server.GetJsonAsync("/collections/mentions/items?limit=1")).GetProperty("numberMatched").GetInt64();

        var (again, duplicate) = await server.PostArticleAsync(article);
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(id, duplicate.GetProperty("id").GetInt64());
        Assert.False(duplicate.GetProperty("created").GetBoolean());
        Assert.Equal(before, (await server.GetJsonAsync("/collections/mentions/items?limit=1")).GetProperty("numberMatched").GetInt64());

        var stored = await server.GetJsonAsync($"/articles/{id}");
        Assert.Equal(article.text, stored.GetProperty("text").GetString());
        Assert.NotEmpty(stored.GetProperty("mentions").EnumerateArray());
    }

    [Fact]
    public async Task Concurrent_posts_of_one_article_store_it_once()
    {
        var article = new { title = "Race", text = $"Families sheltered in Rafah. Ref {Guid.NewGuid():N}." };
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => server.PostArticleAsync(article)));
        Assert.Single(results, r => r.Status == HttpStatusCode.Created);
        Assert.Equal(7, results.Count(r => r.Status == HttpStatusCode.OK));
        Assert.Single(results.Select(r => r.Body.GetProperty("id").GetInt64()).Distinct());
    }

    [Fact]
    public async Task Articles_list_is_paged_with_a_total()
    {
        await server.PostArticleAsync(new { title = "One", text = $"Talks in Cairo continued. Ref {Guid.NewGuid():N}." });
        await server.PostArticleAsync(new { title = "Two", text = $"Talks in Doha continued. Ref {Guid.NewGuid():N}." });
        var page = await server.GetJsonAsync("/articles?limit=1&offset=0");
        var total = page.GetProperty("total").GetInt64();
        Assert.True(total >= 3);
        Assert.Single(page.GetProperty("articles").EnumerateArray());
        Assert.Contains(page.GetProperty("links").EnumerateArray(), l => l.GetProperty("rel").GetString() == "next");
        var past = await server.GetJsonAsync($"/articles?limit=5&offset={total + 10}");
        Assert.Equal(total, past.GetProperty("total").GetInt64());
        Assert.Empty(past.GetProperty("articles").EnumerateArray());
    }

    [Fact]
    public async Task Health_answers_ok()
    {
        using var response = await server.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
