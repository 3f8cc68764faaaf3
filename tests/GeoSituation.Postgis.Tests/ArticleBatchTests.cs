using GeoSituation.Core.Articles;
using GeoSituation.Core.Gazetteer;
using GeoSituation.Postgis.Articles;
using GeoSituation.Postgis.Ingest;
using Npgsql;

namespace GeoSituation.Postgis.Tests;

/// <summary>Many articles in one transaction (the `ingest` verb's path) against the one-article path.</summary>
[Collection(PostgisCollection.Name)]
public sealed class ArticleBatchTests(PostgisFixture fixture)
{
    private static readonly DateTimeOffset Day = new(2024, 3, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A place no other test mentions, so its counters show exactly what one test stored.</summary>
    private static GazetteerEntry FreshPlace() => new()
    {
        Id = 2_000_000_000 + Random.Shared.Next(1_000_000_000), Name = "Testhaven", Kind = PlaceKind.City,
        Latitude = 31.5, Longitude = 34.45, CountryCode = "PS", FeatureCode = "PPL",
    };

    /// <summary>Four articles naming <paramref name="fresh"/> in different company, published on different days.</summary>
    private static List<ArticleAnalysis> Articles(string prefix, GazetteerEntry fresh) =>
    [
        Published(Analyses.Article(prefix + " one", fresh, Analyses.Rafah), 3),
        Published(Analyses.Article(prefix + " two", Analyses.KhanYunis, fresh, fresh), 1),
        Published(Analyses.Article(prefix + " three", Analyses.Cairo), 9),
        Published(Analyses.Article(prefix + " four", Analyses.Rafah, Analyses.Cairo, fresh), 5),
    ];

    private static ArticleAnalysis Published(ArticleAnalysis analysis, int day) =>
        analysis with { Article = analysis.Article with { Published = Day.AddDays(day) } };

    [Fact]
    public async Task A_batch_stores_the_same_rows_and_counters_as_one_article_at_a_time()
    {
        var store = new ArticleStore(fixture.DataSource);
        var id = Guid.NewGuid().ToString("N");
        var (singlePlace, batchPlace) = (FreshPlace(), FreshPlace());
        var singles = new List<IngestResult>();
        foreach (var analysis in Articles("S" + id, singlePlace)) singles.Add(await store.SaveAsync(analysis));
        var batch = await store.SaveBatchAsync(Articles("B" + id, batchPlace));

        Assert.All(singles.Concat(batch), r => Assert.True(r.Created));
        for (var i = 0; i < singles.Count; i++)
        {
            var one = (await store.GetAsync(singles[i].ArticleId))!;
            var many = (await store.GetAsync(batch[i].ArticleId))!;
            Assert.Equal(one.Mentions.Select(m => m with { Id = 0, PlaceId = 0 }), many.Mentions.Select(m => m with { Id = 0, PlaceId = 0 }));
            Assert.Equal(one.Displacement.Select(d => d with { Id = 0, PlaceId = 0, OriginId = 0 }), many.Displacement.Select(d => d with { Id = 0, PlaceId = 0, OriginId = 0 }));
            Assert.Equal(one.Events.Select(e => e with { Id = 0, PlaceId = 0 }), many.Events.Select(e => e with { Id = 0, PlaceId = 0 }));
            Assert.Equal(await fixture.RowsOfArticleAsync("flows", singles[i].ArticleId), await fixture.RowsOfArticleAsync("flows", batch[i].ArticleId));
            Assert.Equal((one.Article.Mentions, one.Article.Displacement, one.Article.Events), (many.Article.Mentions, many.Article.Displacement, many.Article.Events));
        }
        // Ids follow the input order, as one-by-one saves do.
        Assert.Equal(batch.Select(r => r.ArticleId).Order(), batch.Select(r => r.ArticleId));

        var expected = (Mentions: 4, Articles: 3, FirstSeen: Day.AddDays(1), LastSeen: Day.AddDays(5));
        Assert.Equal(expected, await PlaceAsync(singlePlace.Id));
        Assert.Equal(expected, await PlaceAsync(batchPlace.Id));
    }

    [Fact]
    public async Task Duplicates_within_a_batch_and_across_batches_are_stored_once()
    {
        var store = new ArticleStore(fixture.DataSource);
        var place = FreshPlace();
        var id = Guid.NewGuid().ToString("N");
        var (a, b, c) = (Analyses.Article("Dup A " + id, place, Analyses.Rafah), Analyses.Article("Dup B " + id, place), Analyses.Article("Dup C " + id, Analyses.Cairo));

        var first = await store.SaveBatchAsync([a, b, a]);
        Assert.True(first[0].Created);
        Assert.True(first[1].Created);
        Assert.False(first[2].Created);
        Assert.Equal(first[0].ArticleId, first[2].ArticleId);
        Assert.Equal(2, await fixture.RowsOfArticleAsync("mentions", first[0].ArticleId));

        var second = await store.SaveBatchAsync([b, c]);
        Assert.Equal(new IngestResult(first[1].ArticleId, Created: false), second[0]);
        Assert.True(second[1].Created);

        // The duplicate added nothing to the place's counters: a and b once each.
        var counters = await PlaceAsync(place.Id);
        Assert.Equal((2, 2), (counters.Mentions, counters.Articles));
    }

    [Fact]
    public async Task A_batch_PostgreSQL_rejects_stores_none_of_its_articles()
    {
        var store = new ArticleStore(fixture.DataSource);
        var id = Guid.NewGuid().ToString("N");
        var good = Analyses.Article("Atomic good " + id, Analyses.Rafah);
        var bad = Analyses.Article("Atomic bad " + id, FreshPlace() with { CountryCode = null! });

        await Assert.ThrowsAsync<PostgresException>(() => store.SaveBatchAsync([good, bad]));
        Assert.Equal(0, await ArticlesWithHashAsync(good.ContentHash));
        Assert.True((await store.SaveAsync(good)).Created);
    }

    [Fact]
    public async Task One_bad_article_fails_alone_and_the_rest_of_its_batch_is_stored()
    {
        var store = new ArticleStore(fixture.DataSource);
        var ingestor = new BulkIngestor(new ArticleAnalyzer(Gazetteer.Load(Gazetteer.LocateGeodata())), store);
        var id = Guid.NewGuid().ToString("N");
        var good = Enumerable.Range(0, 5).Select(i => new AnalysedArticle($"good#{i}", Analyses.Article($"Fallback {i} {id}", Analyses.Cairo, Analyses.Rafah))).ToList();
        var bad = new AnalysedArticle("bad#1", Analyses.Article("Fallback bad " + id, FreshPlace() with { CountryCode = null! }));
        var outcomes = new List<BulkIngestOutcome>();

        await ingestor.StoreBatchAsync([good[0], good[1], bad, good[2], good[1], good[3], good[4]], o => { lock (outcomes) outcomes.Add(o); });

        Assert.Equal(7, outcomes.Count);
        var failed = Assert.Single(outcomes, o => o.Error is not null);
        Assert.Equal("bad#1", failed.Where);
        Assert.Equal(5, outcomes.Count(o => o.Result is { Created: true }));
        Assert.Single(outcomes, o => o.Result is { Created: false });
        foreach (var article in good) Assert.Equal(1, await ArticlesWithHashAsync(article.Analysis.ContentHash));
        Assert.Equal(0, await ArticlesWithHashAsync(bad.Analysis.ContentHash));
    }

    [Fact]
    public async Task A_bulk_run_analyses_and_stores_every_article_and_reports_each_once()
    {
        var store = new ArticleStore(fixture.DataSource);
        var analyzer = new ArticleAnalyzer(Gazetteer.Load(Gazetteer.LocateGeodata()));
        // Small batches and two writers: batches commit concurrently and bump the same places' counters.
        var ingestor = new BulkIngestor(analyzer, store) { MaxBatch = 7, Writers = 2 };
        var id = Guid.NewGuid().ToString("N");
        var articles = Enumerable.Range(0, 40)
            .Select(i => new ArticleInput { Title = $"Bulk {i}", Text = $"About {1000 + i} people fled Khan Yunis to Rafah on Monday, aid agencies said. Talks were held in Cairo. Ref {id}-{i}." })
            .Select((a, i) => (Article: a, Where: $"bulk#{i}")).ToList();
        articles.Add((articles[3].Article, "bulk#again"));
        var outcomes = new List<BulkIngestOutcome>();
        var analyses = articles.Take(40).Select(a => analyzer.Analyze(a.Article)).ToList();
        var place = analyses[0].Toponyms[0].Place.Id;
        var before = await CountersAsync(place);

        await ingestor.RunAsync(articles, o => { lock (outcomes) outcomes.Add(o); });

        Assert.Equal(articles.Select(a => a.Where).Order(), outcomes.Select(o => o.Where).Order());
        Assert.All(outcomes, o => Assert.Null(o.Error));
        Assert.Equal(40, outcomes.Count(o => o.Result!.Created));
        Assert.Single(outcomes, o => !o.Result!.Created);
        // Every article has exactly the rows its analysis found.
        foreach (var (analysis, where) in analyses.Zip(articles.Select(a => a.Where)))
        {
            var stored = outcomes.Single(o => o.Where == where).Result!.ArticleId;
            Assert.Equal(analysis.Toponyms.Count, await fixture.RowsOfArticleAsync("mentions", stored));
            Assert.Equal(analysis.Displacement.Count, await fixture.RowsOfArticleAsync("displacement", stored));
            Assert.Equal(analysis.Events.Count, await fixture.RowsOfArticleAsync("events", stored));
        }
        Assert.True(await fixture.RowsOfArticleAsync("flows", outcomes.Single(o => o.Where == "bulk#0").Result!.ArticleId) > 0);
        var after = await CountersAsync(place);
        Assert.Equal(before.Mentions + analyses.Sum(a => a.Toponyms.Count(t => t.Place.Id == place)), after.Mentions);
        Assert.Equal(before.Articles + analyses.Count(a => a.Toponyms.Any(t => t.Place.Id == place)), after.Articles);
    }

    private async Task<long> ArticlesWithHashAsync(string contentHash)
    {
        await using var command = fixture.DataSource.CreateCommand("SELECT count(*) FROM articles WHERE content_hash = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = contentHash });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A place's counters; zero before any article named it.</summary>
    private async Task<(int Mentions, int Articles)> CountersAsync(long placeId)
    {
        await using var command = fixture.DataSource.CreateCommand("SELECT mention_count, article_count FROM places WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = placeId });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetInt32(0), reader.GetInt32(1)) : (0, 0);
    }

    private async Task<(int Mentions, int Articles, DateTimeOffset FirstSeen, DateTimeOffset LastSeen)> PlaceAsync(long placeId)
    {
        await using var command = fixture.DataSource.CreateCommand("SELECT mention_count, article_count, first_seen, last_seen FROM places WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = placeId });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetInt32(0), reader.GetInt32(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3));
    }
}
