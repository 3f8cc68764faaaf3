using System.Text;
using GeoSituation.Core.Articles;
using GeoSituation.Core.Displacement;
using GeoSituation.Core.Events;
using GeoSituation.Core.Gazetteer;
using GeoSituation.Core.Text;
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

    public async Task<IngestResult> SaveAsync(ArticleAnalysis analysis, CancellationToken cancellationToken = default)
    {
        var article = analysis.Article;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        long articleId;
        DateTime seenAt;
        await using (var insert = SqlScripts.Get("Queries/Articles/insert_article.sql").Command(connection, transaction))
        {
            insert.Parameters.Add(new() { Value = analysis.ContentHash });
            insert.Parameters.Add(new() { Value = Clean(article.Title) });
            insert.Parameters.Add(new() { Value = Clean(article.Text) });
            insert.Parameters.Add(new() { Value = (object?)CleanOrNull(article.Url) ?? DBNull.Value });
            insert.Parameters.Add(new() { Value = (object?)CleanOrNull(article.Source) ?? DBNull.Value });
            insert.Parameters.Add(new() { Value = article.Published is { } published ? published.UtcDateTime : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
            insert.Parameters.Add(new() { Value = analysis.Toponyms.Count });
            insert.Parameters.Add(new() { Value = analysis.Displacement.Count });
            insert.Parameters.Add(new() { Value = analysis.Events.Count });
            await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                await reader.DisposeAsync();
                var existing = await FindByHashAsync(connection, transaction, analysis.ContentHash, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return new IngestResult(existing, Created: false);
            }
            articleId = reader.GetInt64(0);
            seenAt = reader.GetFieldValue<DateTime>(1);
        }

        var places = ReferencedPlaces(analysis);
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            batch.BatchCommands.Add(PlacesCommand(analysis, places, seenAt));
            if (analysis.Toponyms.Count > 0) batch.BatchCommands.Add(MentionsCommand(analysis, articleId, seenAt));
            if (analysis.Displacement.Count > 0) batch.BatchCommands.Add(DisplacementCommand(analysis, articleId, seenAt));
            if (analysis.Events.Count > 0) batch.BatchCommands.Add(EventsCommand(analysis, articleId, seenAt));
            // Delivered at commit to every listening process (a server whose tile cache must drop what changed).
            var notify = SqlScripts.Get("Queries/Articles/notify.sql").BatchCommand();
            Add(notify, articleId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            batch.BatchCommands.Add(notify);
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        ArticleStored?.Invoke(new StoredArticleFootprint(articleId,
            places.Select(p => new LonLat(p.Longitude, p.Latitude)).ToList(),
            analysis.Displacement.Where(f => f.Origin is not null && f.Place is not null && f.Origin.Id != f.Place.Id)
                .Select(f => (new LonLat(f.Origin!.Longitude, f.Origin.Latitude), new LonLat(f.Place!.Longitude, f.Place.Latitude))).ToList()));
        return new IngestResult(articleId, Created: true);
    }

    private static async Task<long> FindByHashAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string contentHash, CancellationToken cancellationToken)
    {
        await using var find = SqlScripts.Get("Queries/Articles/find_by_hash.sql").Command(connection, transaction, new NpgsqlParameter<string> { TypedValue = contentHash });
        return (long)(await find.ExecuteScalarAsync(cancellationToken)
            ?? throw new InvalidOperationException("An article that conflicted on its content hash is gone."));
    }

    /// <summary>Every gazetteer entry the analysis refers to, once each, sorted by id (the lock order).</summary>
    private static List<GazetteerEntry> ReferencedPlaces(ArticleAnalysis analysis)
    {
        var byId = new Dictionary<long, GazetteerEntry>();
        foreach (var toponym in analysis.Toponyms) byId.TryAdd(toponym.Place.Id, toponym.Place);
        foreach (var figure in analysis.Displacement)
        {
            if (figure.Place is { } place) byId.TryAdd(place.Id, place);
            if (figure.Origin is { } origin) byId.TryAdd(origin.Id, origin);
        }
        foreach (var situationEvent in analysis.Events) byId.TryAdd(situationEvent.Place.Id, situationEvent.Place);
        return byId.Values.OrderBy(p => p.Id).ToList();
    }

    private static NpgsqlBatchCommand PlacesCommand(ArticleAnalysis analysis, List<GazetteerEntry> places, DateTime seenAt)
    {
        var mentionCounts = analysis.Toponyms.GroupBy(t => t.Place.Id).ToDictionary(g => g.Key, g => g.Count());
        var command = SqlScripts.Get("Queries/Articles/upsert_places.sql").BatchCommand();
        Add(command, places.Select(p => p.Id).ToArray());
        Add(command, places.Select(p => Clean(p.Name)).ToArray());
        Add(command, places.Select(p => KindName(p.Kind)).ToArray());
        Add(command, places.Select(p => p.CountryCode).ToArray());
        Add(command, places.Select(p => p.FeatureCode).ToArray());
        Add(command, places.Select(p => Clean(p.Admin1Name)).ToArray());
        Add(command, places.Select(p => Clean(p.Admin2Name)).ToArray());
        Add(command, places.Select(p => p.Population).ToArray());
        Add(command, places.Select(p => p.PCode).ToArray());
        Add(command, places.Select(p => p.Iso3166_2).ToArray());
        Add(command, places.Select(p => p.Longitude).ToArray());
        Add(command, places.Select(p => p.Latitude).ToArray());
        Add(command, places.Select(p => mentionCounts.GetValueOrDefault(p.Id)).ToArray());
        Add(command, places.Select(p => mentionCounts.ContainsKey(p.Id) ? 1 : 0).ToArray());
        Add(command, seenAt);
        return command;
    }

    private static NpgsqlBatchCommand MentionsCommand(ArticleAnalysis analysis, long articleId, DateTime seenAt)
    {
        var toponyms = analysis.Toponyms;
        var sentences = toponyms.Select(t => SentenceOf(analysis.Sentences, t.Span.Start)).ToArray();
        var command = SqlScripts.Get("Queries/Articles/insert_mentions.sql").BatchCommand();
        Add(command, articleId);
        Add(command, seenAt);
        Add(command, toponyms.Select(t => t.Place.Id).ToArray());
        Add(command, toponyms.Select(t => t.Span.Start).ToArray());
        Add(command, toponyms.Select(t => t.Span.End).ToArray());
        Add(command, toponyms.Select(t => Clean(t.Surface)).ToArray());
        Add(command, sentences.Select(s => s?.Start).ToArray());
        Add(command, sentences.Select(s => s?.End).ToArray());
        Add(command, toponyms.Select(t => (float)t.Confidence).ToArray());
        return command;
    }

    private static NpgsqlBatchCommand DisplacementCommand(ArticleAnalysis analysis, long articleId, DateTime seenAt)
    {
        var figures = analysis.Displacement;
        var text = analysis.Article.Text;
        var command = SqlScripts.Get("Queries/Articles/insert_displacement.sql").BatchCommand();
        Add(command, articleId);
        Add(command, seenAt);
        Add(command, figures.Select(f => f.Place?.Id).ToArray());
        Add(command, figures.Select(f => f.Origin?.Id).ToArray());
        Add(command, figures.Select(f => f.People).ToArray());
        Add(command, figures.Select(f => f.Low).ToArray());
        Add(command, figures.Select(f => f.High).ToArray());
        Add(command, figures.Select(f => CleanOrNull(f.Qualifier)).ToArray());
        Add(command, figures.Select(f => Clean(f.NumberText)).ToArray());
        Add(command, figures.Select(f => f.Direction == DisplacementDirection.From ? "from" : "at").ToArray());
        Add(command, figures.Select(f => f.AsOf).ToArray());
        Add(command, figures.Select(f => AsOfBasisName(f.AsOfBasis)).ToArray());
        Add(command, figures.Select(f => f.Span.Start).ToArray());
        Add(command, figures.Select(f => f.Span.End).ToArray());
        Add(command, figures.Select(f => f.Sentence.Start).ToArray());
        Add(command, figures.Select(f => f.Sentence.End).ToArray());
        Add(command, figures.Select(f => Quote(text, f.Sentence)).ToArray());
        Add(command, figures.Select(f => (float)f.Confidence).ToArray());
        Add(command, figures.Select(f => CleanOrNull(f.QualifierText)).ToArray());
        Add(command, figures.Select(f => f.IsVague).ToArray());
        return command;
    }

    private static NpgsqlBatchCommand EventsCommand(ArticleAnalysis analysis, long articleId, DateTime seenAt)
    {
        var events = analysis.Events;
        var text = analysis.Article.Text;
        var command = SqlScripts.Get("Queries/Articles/insert_events.sql").BatchCommand();
        Add(command, articleId);
        Add(command, seenAt);
        Add(command, events.Select(e => e.Place.Id).ToArray());
        Add(command, events.Select(e => EventTypeName(e.Type)).ToArray());
        Add(command, events.Select(e => CleanOrNull(e.SubType)).ToArray());
        Add(command, events.Select(e => e.Date).ToArray());
        Add(command, events.Select(e => (short)e.GeoPrecision).ToArray());
        Add(command, events.Select(e => (short)e.TimePrecision).ToArray());
        Add(command, events.Select(e => e.Fatalities).ToArray());
        Add(command, events.Select(e => e.Sentence.Start).ToArray());
        Add(command, events.Select(e => e.Sentence.End).ToArray());
        Add(command, events.Select(e => Quote(text, e.Sentence)).ToArray());
        Add(command, events.Select(e => (float)e.Confidence).ToArray());
        return command;
    }

    private static void Add<T>(NpgsqlBatchCommand command, T value) => command.Parameters.Add(new NpgsqlParameter<T> { TypedValue = value });

    private static TextSpan? SentenceOf(IReadOnlyList<TextSpan> sentences, int index)
    {
        int low = 0, high = sentences.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var sentence = sentences[middle];
            if (sentence.Contains(index)) return sentence;
            if (index < sentence.Start) high = middle - 1; else low = middle + 1;
        }
        return null;
    }

    private static string Quote(string text, TextSpan sentence)
    {
        var start = Math.Clamp(sentence.Start, 0, text.Length);
        var end = Math.Clamp(sentence.End, start, text.Length);
        return Clean(text[start..end]);
    }

    /// <summary>PostgreSQL text cannot hold NUL; it is never meaningful in news text.</summary>
    private static string Clean(string value) => value.Contains('\0', StringComparison.Ordinal) ? value.Replace("\0", "", StringComparison.Ordinal) : value;

    private static string? CleanOrNull(string? value) => value is null ? null : Clean(value);

    public static string KindName(PlaceKind kind) => kind switch
    {
        PlaceKind.City => "city",
        PlaceKind.AdminArea => "admin",
        PlaceKind.Region => "region",
        PlaceKind.Country => "country",
        _ => "other",
    };

    private static string AsOfBasisName(AsOfBasis basis) => basis switch
    {
        AsOfBasis.Text => "text",
        AsOfBasis.Published => "published",
        _ => "unknown",
    };

    /// <summary>ACLED event types in snake case ("explosions_remote_violence"), stable for filters and styles.</summary>
    public static string EventTypeName(SituationEventType type)
    {
        var name = type.ToString();
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) builder.Append('_');
            builder.Append(char.ToLowerInvariant(name[i]));
        }
        return builder.ToString();
    }

    /// <summary>The channel on which each stored article's id is announced at commit.</summary>
    public const string NotificationChannel = "geosituation_articles";

    /// <summary>Where a stored article's features are (for invalidating caches in another process than the one that stored it).</summary>
    public async Task<StoredArticleFootprint> FootprintAsync(long articleId, CancellationToken cancellationToken = default)
    {
        await using var command = SqlScripts.Get("Queries/Articles/footprint.sql").Command(dataSource);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = articleId });
        var points = new List<LonLat>();
        var lines = new List<(LonLat, LonLat)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var from = new LonLat(reader.GetDouble(0), reader.GetDouble(1));
            if (reader.IsDBNull(2)) points.Add(from);
            else lines.Add((from, new LonLat(reader.GetDouble(2), reader.GetDouble(3))));
        }
        return new StoredArticleFootprint(articleId, points, lines);
    }

    /// <summary>
    /// Calls <paramref name="onArticle"/> with the id of every article any process stores, until cancelled;
    /// reconnects after the database restarts (articles stored while disconnected are reported by <paramref name="onReconnect"/>).
    /// </summary>
    public async Task ListenAsync(Func<long, Task> onArticle, Func<Task> onReconnect, CancellationToken cancellationToken)
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
                    await foreach (var id in pending.Reader.ReadAllAsync(CancellationToken.None)) await onArticle(id);
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
            r.GetDouble(6), r.GetDouble(7), r.GetInt16(8), r.GetInt16(9), NullableInt(r, 10), r.GetString(11), r.GetFloat(12)), cancellationToken);
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
}
