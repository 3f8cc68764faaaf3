using System.Text;
using GeoSituation.Core.Articles;
using GeoSituation.Core.Events;
using GeoSituation.Core.Gazetteer;
using GeoSituation.Postgis.Database;
using Npgsql;

namespace GeoSituation.Postgis.Articles;

/// <summary>Stores analysed articles and reads them back.</summary>
/// <remarks>
/// An article and everything found in it are written in one transaction: after a crash an article is there
/// with all its mentions, figures and events, or not at all. Storing is idempotent by content hash.
/// </remarks>
public sealed class ArticleStore(NpgsqlDataSource dataSource)
{
    /// <summary>Raised right after a new article commits, before SaveAsync returns: caches drop what it changed.</summary>
    public event Action<StoredArticleFootprint>? ArticleStored;

    public async Task<IngestResult> SaveAsync(ArticleAnalysis analysis, CancellationToken cancellationToken = default) =>
        (await SaveBatchAsync([analysis], cancellationToken))[0];

    /// <summary>
    /// Stores many articles in one transaction (one commit, a few statements whatever their number): all of them
    /// with everything found in them, or none when it throws.
    /// </summary>
    /// <returns>One result per analysis, in order. An article already stored, or given twice, is stored once: its other copies are not Created.</returns>
    /// <remarks>Ids follow the input order. Two concurrent batches holding the same new articles in different orders can deadlock; PostgreSQL then fails one of them.</remarks>
    public async Task<IReadOnlyList<IngestResult>> SaveBatchAsync(IReadOnlyList<ArticleAnalysis> analyses, CancellationToken cancellationToken = default)
    {
        if (analyses.Count == 0) return [];
        var distinct = analyses.DistinctBy(a => a.ContentHash, StringComparer.Ordinal).ToList();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var inserted = new Dictionary<string, (long Id, DateTime SeenAt)>(StringComparer.Ordinal);
        await using (var insert = new NpgsqlBatch(connection, transaction) { BatchCommands = { ArticleRows.InsertArticles(distinct) } })
        await using (var reader = await insert.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) inserted.Add(reader.GetString(0), (reader.GetInt64(1), reader.GetFieldValue<DateTime>(2)));
        }
        var existing = inserted.Count == distinct.Count
            ? new Dictionary<string, long>()
            : await FindByHashesAsync(connection, transaction, distinct.Where(a => !inserted.ContainsKey(a.ContentHash)).Select(a => a.ContentHash).ToArray(), cancellationToken);

        var stored = distinct.Where(a => inserted.ContainsKey(a.ContentHash))
            .Select(a => new StoredAnalysis(a, inserted[a.ContentHash].Id, inserted[a.ContentHash].SeenAt)).ToList();
        if (stored.Count > 0)
        {
            await using var contents = ArticleRows.Contents(connection, transaction, stored);
            await contents.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        foreach (var article in stored) ArticleStored?.Invoke(Footprint(article));

        var results = new IngestResult[analyses.Count];
        var reported = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < analyses.Count; i++)
        {
            var hash = analyses[i].ContentHash;
            results[i] = inserted.TryGetValue(hash, out var row)
                ? new IngestResult(row.Id, Created: reported.Add(hash))
                : new IngestResult(existing.TryGetValue(hash, out var id) ? id : throw new InvalidOperationException("An article that conflicted on its content hash is gone."), Created: false);
        }
        return results;
    }

    private static async Task<Dictionary<string, long>> FindByHashesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string[] contentHashes, CancellationToken cancellationToken)
    {
        await using var find = SqlScripts.Get("Queries/Articles/find_by_hashes.sql").Command(connection, transaction, new NpgsqlParameter<string[]> { TypedValue = contentHashes });
        await using var reader = await find.ExecuteReaderAsync(cancellationToken);
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetString(0), reader.GetInt64(1));
        return ids;
    }

    /// <summary>Where a just-stored article put features, from its analysis (no query): its places, and its flows' lines.</summary>
    private static StoredArticleFootprint Footprint(StoredAnalysis article)
    {
        var analysis = article.Analysis;
        var points = ArticleRows.ReferencedPlaces(analysis).DistinctBy(p => p.Id).Select(p => new LonLat(p.Longitude, p.Latitude)).ToList();
        var lines = analysis.Displacement.Where(f => f.Origin is not null && f.Place is not null && f.Origin.Id != f.Place.Id)
            .Select(f => (new LonLat(f.Origin!.Longitude, f.Origin.Latitude), new LonLat(f.Place!.Longitude, f.Place.Latitude))).ToList();
        return new StoredArticleFootprint(article.ArticleId, points, lines);
    }

    /// <summary>Bounds one footprint query's id list.</summary>
    private const int MaxArticlesPerCall = 5_000;

    /// <summary>The channel on which each stored article's id is announced at commit.</summary>
    public const string NotificationChannel = "geosituation_articles";

    /// <summary>
    /// Where the given stored articles' features are, as one footprint (for invalidating caches in another process
    /// than the one that stored them): one query and one invalidation for all the articles of a commit.
    /// </summary>
    /// <remarks>The footprint's <see cref="StoredArticleFootprint.ArticleId"/> is the last of <paramref name="articleIds"/>.</remarks>
    public async Task<StoredArticleFootprint> FootprintAsync(IReadOnlyList<long> articleIds, CancellationToken cancellationToken = default)
    {
        await using var command = SqlScripts.Get("Queries/Articles/footprint.sql").Command(dataSource);
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = articleIds.ToArray() });
        var points = new List<LonLat>();
        var lines = new List<(LonLat, LonLat)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var from = new LonLat(reader.GetDouble(0), reader.GetDouble(1));
            if (reader.IsDBNull(2)) points.Add(from);
            else lines.Add((from, new LonLat(reader.GetDouble(2), reader.GetDouble(3))));
        }
        return new StoredArticleFootprint(articleIds[^1], points, lines);
    }

    /// <summary>
    /// Calls <paramref name="onArticles"/> with the ids of every article any process stores, until cancelled, several at
    /// once when they come faster than it returns (a bulk ingest commits hundreds together);
    /// reconnects after the database restarts (articles stored while disconnected are reported by <paramref name="onReconnect"/>).
    /// </summary>
    public async Task ListenAsync(Func<IReadOnlyList<long>, Task> onArticles, Func<Task> onReconnect, CancellationToken cancellationToken)
    {
        var first = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                var pending = System.Threading.Channels.Channel.CreateUnbounded<long>();
                connection.Notification += (_, e) =>
                {
                    if (long.TryParse(e.Payload, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)) pending.Writer.TryWrite(id);
                };
                await using (var listen = SqlScripts.Get("Queries/Articles/listen.sql").Command(connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                }
                if (!first) await onReconnect();
                first = false;
                // Handled off the listening connection, which only waits; a slow handler never delays notifications.
                var handler = Task.Run(async () =>
                {
                    while (await pending.Reader.WaitToReadAsync(CancellationToken.None))
                    {
                        var ids = new List<long>();
                        while (ids.Count < MaxArticlesPerCall && pending.Reader.TryRead(out var id)) ids.Add(id);
                        await onArticles(ids);
                    }
                }, CancellationToken.None);
                try
                {
                    while (true) await connection.WaitAsync(cancellationToken);
                }
                finally
                {
                    pending.Writer.TryComplete();
                    await handler;
                }
            }
            catch (Exception e) when (e is NpgsqlException or System.IO.IOException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    public async Task<ArticlePage> ListAsync(int limit, long offset, CancellationToken cancellationToken = default)
    {
        await using var command = SqlScripts.Get("Queries/Articles/list.sql").Command(dataSource);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = offset });
        var articles = new List<ArticleSummary>();
        long total = -1;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                articles.Add(ReadSummary(reader));
                total = reader.GetInt64(10);
            }
        }
        if (total < 0)
        {
            // The page is past the end (or the table is empty): the window count had no row to ride on.
            await using var count = SqlScripts.Get("Queries/Articles/count.sql").Command(dataSource);
            total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }
        return new ArticlePage(total, articles);
    }

    public async Task<ArticleDetail?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // One snapshot for the article and its parts.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        ArticleSummary summary;
        string text;
        await using (var command = SqlScripts.Get("Queries/Articles/get.sql").Command(connection, transaction, new NpgsqlParameter<long> { TypedValue = id }))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken)) return null;
            summary = ReadSummary(reader);
            text = reader.GetString(10);
        }
        var mentions = await ReadAllAsync(connection, transaction, "get_mentions.sql", id, r => new StoredMention(
            r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetDouble(4), r.GetDouble(5), r.GetString(6),
            r.GetInt32(7), r.GetInt32(8), NullableInt(r, 9), NullableInt(r, 10), r.GetFloat(11)), cancellationToken);
        var displacement = await ReadAllAsync(connection, transaction, "get_displacement.sql", id, r => new StoredDisplacement(
            r.GetInt64(0), r.GetInt64(1), NullableLong(r, 2), NullableLong(r, 3), NullableString(r, 4), r.GetString(5), r.GetString(6),
            NullableLong(r, 7), NullableString(r, 8), NullableString(r, 9), r.IsDBNull(10) ? null : r.GetDouble(10), r.IsDBNull(11) ? null : r.GetDouble(11),
            NullableLong(r, 12), NullableString(r, 13), r.IsDBNull(14) ? null : r.GetFieldValue<DateOnly>(14), r.GetString(15),
            r.GetInt32(16), r.GetInt32(17), r.GetString(18), r.GetFloat(19)), cancellationToken);
        var events = await ReadAllAsync(connection, transaction, "get_events.sql", id, r => new StoredEvent(
            r.GetInt64(0), r.GetString(1), NullableString(r, 2), r.IsDBNull(3) ? null : r.GetFieldValue<DateOnly>(3), r.GetInt64(4), r.GetString(5),
            r.GetDouble(6), r.GetDouble(7), r.GetInt16(8), r.GetInt16(9), NullableInt(r, 10), r.GetString(11), r.GetFloat(12),
            NullableString(r, 13), NullableShort(r, 14), NullableString(r, 15), NullableShort(r, 16), NullableShort(r, 17)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ArticleDetail(summary, text, mentions, displacement, events);
    }

    private static async Task<List<T>> ReadAllAsync<T>(NpgsqlConnection connection, NpgsqlTransaction transaction, string script, long id, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = SqlScripts.Get("Queries/Articles/" + script).Command(connection, transaction, new NpgsqlParameter<long> { TypedValue = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken)) rows.Add(read(reader));
        return rows;
    }

    private static ArticleSummary ReadSummary(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetString(1), NullableString(r, 2), NullableString(r, 3),
        r.IsDBNull(4) ? null : new DateTimeOffset(r.GetFieldValue<DateTime>(4), TimeSpan.Zero),
        new DateTimeOffset(r.GetFieldValue<DateTime>(5), TimeSpan.Zero), r.GetString(6), r.GetInt32(7), r.GetInt32(8), r.GetInt32(9));

    private static string? NullableString(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
    private static long? NullableLong(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);
    private static int? NullableInt(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);
    private static int? NullableShort(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt16(i);
}
