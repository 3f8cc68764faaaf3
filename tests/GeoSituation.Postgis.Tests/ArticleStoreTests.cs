using GeoSituation.Postgis.Articles;
using Npgsql;

namespace GeoSituation.Postgis.Tests;

[Collection(PostgisCollection.Name)]
public sealed class ArticleStoreTests(PostgisFixture fixture)
{
    [Fact]
    public async Task Saving_stores_everything_once_and_a_resave_returns_the_same_id()
    {
        var store = new ArticleStore(fixture.DataSource);
        var analysis = Analyses.Article($"Idempotent {Guid.NewGuid():N}", Analyses.Rafah, Analyses.KhanYunis);
        var first = await store.SaveAsync(analysis);
        Assert.True(first.Created);
        Assert.Equal(2, await fixture.RowsOfArticleAsync("mentions", first.ArticleId));
        Assert.Equal(1, await fixture.RowsOfArticleAsync("displacement", first.ArticleId));
        Assert.Equal(1, await fixture.RowsOfArticleAsync("events", first.ArticleId));
        Assert.Equal(1, await fixture.RowsOfArticleAsync("flows", first.ArticleId));

        var second = await store.SaveAsync(analysis);
        Assert.False(second.Created);
        Assert.Equal(first.ArticleId, second.ArticleId);
        Assert.Equal(2, await fixture.RowsOfArticleAsync("mentions", first.ArticleId));
        Assert.Equal(1, await fixture.RowsOfArticleAsync("flows", first.ArticleId));

        var detail = await store.GetAsync(first.ArticleId);
        Assert.NotNull(detail);
        Assert.Equal(["Rafah", "Khan Yunis"], detail.Mentions.Select(m => m.Place));
        var figure = Assert.Single(detail.Displacement);
        Assert.Equal(1_400_000, figure.People);
        Assert.Equal("Rafah", figure.Place);
        Assert.Equal("Khan Yunis", figure.Origin);
        Assert.Contains("1.4 million", figure.Quote);
        Assert.Equal("strategic_developments", Assert.Single(detail.Events).EventType);
    }

    [Fact]
    public async Task Concurrent_saves_of_one_article_store_it_once()
    {
        var store = new ArticleStore(fixture.DataSource);
        var analysis = Analyses.Article($"Concurrent {Guid.NewGuid():N}", Analyses.Cairo, Analyses.Rafah);
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => store.SaveAsync(analysis))));
        Assert.Single(results, r => r.Created);
        Assert.Single(results.Select(r => r.ArticleId).Distinct());
        Assert.Equal(2, await fixture.RowsOfArticleAsync("mentions", results[0].ArticleId));
    }

    [Fact]
    public async Task Place_counters_add_up_across_articles()
    {
        var store = new ArticleStore(fixture.DataSource);
        async Task<(int Mentions, int Articles)> CountersAsync()
        {
            await using var command = fixture.DataSource.CreateCommand("SELECT mention_count, article_count FROM places WHERE id = $1");
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = Analyses.KhanYunis.Id });
            await using var reader = await command.ExecuteReaderAsync();
            return await reader.ReadAsync() ? (reader.GetInt32(0), reader.GetInt32(1)) : (0, 0);
        }
        var before = await CountersAsync();
        // Khan Yunis named twice in one article and once in another: 3 mentions, 2 articles.
        await Task.WhenAll(
            store.SaveAsync(Analyses.Article($"Counters A {Guid.NewGuid():N}", Analyses.Rafah, Analyses.KhanYunis, Analyses.KhanYunis)),
            store.SaveAsync(Analyses.Article($"Counters B {Guid.NewGuid():N}", Analyses.KhanYunis, Analyses.Cairo)));
        var after = await CountersAsync();
        Assert.Equal(before.Mentions + 3, after.Mentions);
        Assert.Equal(before.Articles + 2, after.Articles);
    }

    [Fact]
    public async Task Listing_pages_newest_first_with_total()
    {
        var store = new ArticleStore(fixture.DataSource);
        await store.SaveAsync(Analyses.Article($"List A {Guid.NewGuid():N}", Analyses.Cairo));
        var newest = await store.SaveAsync(Analyses.Article($"List B {Guid.NewGuid():N}", Analyses.Cairo));
        var page = await store.ListAsync(1, 0);
        Assert.True(page.Total >= 2);
        Assert.Equal(newest.ArticleId, Assert.Single(page.Articles).Id);
        var past = await store.ListAsync(10, page.Total + 5);
        Assert.Empty(past.Articles);
        Assert.Equal(page.Total, past.Total);
    }
}
