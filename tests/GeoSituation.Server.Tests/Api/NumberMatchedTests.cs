using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GeoSituation.Server.Tests.Api;

/// <summary>
/// numberMatched is kept between pages (counting a large collection per page cost more than the page), so these
/// tests prove it is never stale: a write by POST /articles, or behind the server's back, shows in the next request.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class NumberMatchedTests(ServerFixture server)
{
    [Fact]
    public async Task An_article_posted_is_counted_by_the_very_next_request()
    {
        var title = $"Count check {Guid.NewGuid():N}";
        var byTitle = $"/collections/mentions/items?limit=1&article_title={Uri.EscapeDataString(title)}";
        // Twice each, so the second answer is the kept count: the test is about the kept count being dropped.
        var mentions = await MatchedTwiceAsync("/collections/mentions/items?limit=1");
        var articles = await MatchedTwiceAsync("/collections/articles/items?limit=1");
        Assert.Equal(0, await MatchedTwiceAsync(byTitle));

        var (status, body) = await server.PostArticleAsync(new { title, text = $"Families sheltered in Rafah and Khan Yunis. Ref {title}." });
        Assert.Equal(System.Net.HttpStatusCode.Created, status);
        long added = body.GetProperty("mentions").GetInt32();
        Assert.True(added > 0, "the article names places");

        Assert.Equal(added, await MatchedAsync(byTitle));
        Assert.Equal(mentions + added, await MatchedAsync("/collections/mentions/items?limit=1"));
        Assert.Equal(articles + 1, await MatchedAsync("/collections/articles/items?limit=1"));
    }

    [Fact]
    public async Task A_write_that_bypasses_the_server_is_counted_too()
    {
        var title = $"Direct delete {Guid.NewGuid():N}";
        var (status, body) = await server.PostArticleAsync(new { title, text = $"Aid reached Rafah. Ref {title}." });
        Assert.Equal(System.Net.HttpStatusCode.Created, status);
        var articles = await MatchedTwiceAsync("/collections/articles/items?limit=1");

        // No ArticleStore, no notification: a plain SQL delete, as an operator or another tool would do it.
        var dataSource = server.Services.GetRequiredService<NpgsqlDataSource>();
        await using (var delete = dataSource.CreateCommand("DELETE FROM articles WHERE id = $1"))
        {
            delete.Parameters.Add(new NpgsqlParameter<long> { TypedValue = body.GetProperty("id").GetInt64() });
            Assert.Equal(1, await delete.ExecuteNonQueryAsync());
        }

        Assert.Equal(articles - 1, await MatchedAsync("/collections/articles/items?limit=1"));
    }

    private async Task<long> MatchedTwiceAsync(string path)
    {
        var first = await MatchedAsync(path);
        Assert.Equal(first, await MatchedAsync(path));
        return first;
    }

    private async Task<long> MatchedAsync(string path) =>
        (await server.GetJsonAsync(path)).GetProperty("numberMatched").GetInt64();
}
