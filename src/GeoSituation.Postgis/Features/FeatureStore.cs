using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using GeoSituation.Postgis.Database;
using Npgsql;

namespace GeoSituation.Postgis.Features;

/// <summary>A feature as PostgreSQL wrote it: its id and its complete GeoJSON Feature text.</summary>
public readonly record struct FeatureRow(long Fid, string Json);

/// <summary>The spatial and temporal extent of a collection.</summary>
public sealed record CollectionExtent(BoundingBox? Bbox, DateTimeOffset? Start, DateTimeOffset? End);

/// <summary>Reads OGC API features. PostgreSQL renders each Feature's GeoJSON; we only stream the text.</summary>
/// <remarks>
/// The SQL differs only by which filters are present and the view name (from the fixed catalogue, quoted);
/// each shape is built once and cached. All values are bound parameters.
/// </remarks>
public sealed class FeatureStore(NpgsqlDataSource dataSource)
{
    private readonly ConcurrentDictionary<string, SqlText> sqlCache = new(StringComparer.Ordinal);

    /// <summary>Rows read per statement at most: what a client that stops reading can hold in server memory.</summary>
    public const int ChunkRows = 500;

    /// <summary>Rows of a page's first statement; each next one reads twice as many, up to <see cref="ChunkRows"/>.</summary>
    /// <remarks>
    /// A client that asks for 10,000 features and reads none used to cost PostgreSQL 500-1,000 features before its
    /// writes blocked, every time it reconnected after the write timeout cut it: 150 such clients took half of a core
    /// of the load test's 2 (bench/load). Starting small, a stalled page costs 50-150, while a client that reads on
    /// reaches full chunks after four statements (10,000 features: 24 statements instead of 20).
    /// </remarks>
    public const int FirstChunkRows = 50;

    /// <summary>Streams up to <c>Limit + 1</c> features in fid order; the extra one tells the caller a next page exists.</summary>
    /// <remarks>
    /// The rows come from PostgreSQL in keyset chunks of <see cref="FirstChunkRows"/> growing to <see cref="ChunkRows"/>, each read whole and its connection
    /// given back before the first of its rows is yielded: the database never waits for the consumer (an HTTP client
    /// that stops reading holds one chunk in memory and no connection). Each chunk sees its own snapshot, as the
    /// pages behind `next` links do. With <see cref="FeatureQuery.Before"/> (a previous page) the rows are read
    /// newest-first in one statement and returned reversed.
    /// </remarks>
    public async IAsyncEnumerable<FeatureRow> ReadAsync(FeatureQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var backwards = query.Before is not null && query.After is null;
        if (backwards)
        {
            var page = await ReadChunkAsync(query, query.Limit + 1, backwards, cancellationToken);
            // The extra row (if any) is the far end of the previous page: it signals "more before", so it stays first.
            page.Reverse();
            foreach (var row in page) yield return row;
            yield break;
        }
        var remaining = query.Limit + 1;
        var chunkQuery = query;
        var chunkRows = FirstChunkRows;
        while (remaining > 0)
        {
            var wanted = Math.Min(remaining, chunkRows);
            var chunk = await ReadChunkAsync(chunkQuery, wanted, backwards: false, cancellationToken);
            foreach (var row in chunk) yield return row;
            if (chunk.Count < wanted) yield break;
            remaining -= chunk.Count;
            chunkQuery = chunkQuery with { After = chunk[^1].Fid, Before = null };
            chunkRows = Math.Min(chunkRows * 2, ChunkRows);
        }
    }

    private async Task<List<FeatureRow>> ReadChunkAsync(FeatureQuery query, int rows, bool backwards, CancellationToken cancellationToken)
    {
        var parameters = new List<NpgsqlParameter>();
        var shape = new StringBuilder(query.Collection.Id).Append(":items").Append(backwards ? ":back" : ":fwd");
        var where = BindFilters(query, parameters, includeCursor: true, shape);
        parameters.Add(new NpgsqlParameter<int> { TypedValue = rows });
        var limitParameter = parameters.Count;
        var sql = sqlCache.GetOrAdd(shape.ToString(), _ => SqlText.FromTemplate(
            $"SELECT fid, {FeatureSql.FeatureText(query.Collection)} " +
            $"FROM {FeatureSql.Page(query.Collection, where, backwards ? "DESC" : "ASC", "$" + limitParameter)} ORDER BY fid {(backwards ? "DESC" : "ASC")}"));
        await using var command = sql.Command(dataSource);
        command.Parameters.AddRange(parameters.ToArray());
        var chunk = new List<FeatureRow>(Math.Min(rows, ChunkRows));
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) chunk.Add(new FeatureRow(reader.GetInt64(0), reader.GetString(1)));
        return chunk;
    }

    /// <summary>How many features match the filters (cursor ignored): numberMatched.</summary>
    public async Task<long> CountAsync(FeatureQuery query, CancellationToken cancellationToken = default) =>
        (await CountWithSnapshotAsync(query, cancellationToken)).Count;

    /// <summary>The count and the snapshot it was taken in (see <see cref="MatchedCounts"/>): one statement, so they agree.</summary>
    internal async Task<SnapshotCount> CountWithSnapshotAsync(FeatureQuery query, CancellationToken cancellationToken)
    {
        var parameters = new List<NpgsqlParameter>();
        var shape = new StringBuilder(query.Collection.Id).Append(":count");
        var where = BindFilters(query, parameters, includeCursor: false, shape);
        var sql = sqlCache.GetOrAdd(shape.ToString(), _ => SqlText.FromTemplate($"SELECT count(*), pg_current_snapshot()::text FROM {Quote(query.Collection.View)}{where}"));
        await using var command = sql.Command(dataSource);
        command.Parameters.AddRange(parameters.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new SnapshotCount(reader.GetInt64(0), reader.GetString(1));
    }

    /// <summary>PostgreSQL's current snapshot as text (xmin:xmax:running transactions).</summary>
    internal async Task<string> SnapshotAsync(CancellationToken cancellationToken)
    {
        await using var command = SqlScripts.Get("Queries/Features/snapshot.sql").Command(dataSource);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<FeatureRow?> GetAsync(FeatureCollectionInfo collection, long fid, CancellationToken cancellationToken = default)
    {
        await using var command = sqlCache.GetOrAdd(collection.Id + ":one", _ => SqlText.FromTemplate(
            $"SELECT fid, {FeatureSql.FeatureText(collection)} " +
            $"FROM {FeatureSql.Source(collection)} WHERE fid = $1")).Command(dataSource);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = fid });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new FeatureRow(reader.GetInt64(0), reader.GetString(1));
    }

    public async Task<CollectionExtent> ExtentAsync(FeatureCollectionInfo collection, CancellationToken cancellationToken = default)
    {
        await using var command = sqlCache.GetOrAdd(collection.Id + ":extent", _ => SqlText.FromTemplate(
            $"SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e), t0, t1 FROM " +
            $"(SELECT ST_Extent(geom) AS e, min(t_start) AS t0, max(t_end) AS t1 FROM {Quote(collection.View)}) AS x")).Command(dataSource);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        BoundingBox? bbox = reader.IsDBNull(0) ? null : new BoundingBox(reader.GetDouble(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3));
        DateTimeOffset? start = reader.IsDBNull(4) ? null : new DateTimeOffset(reader.GetFieldValue<DateTime>(4), TimeSpan.Zero);
        DateTimeOffset? end = reader.IsDBNull(5) ? null : new DateTimeOffset(reader.GetFieldValue<DateTime>(5), TimeSpan.Zero);
        return new CollectionExtent(bbox, start, end);
    }

    /// <summary>Adds the filters' parameters and returns the WHERE clause; records the clause's shape in <paramref name="shape"/>.</summary>
    private static string BindFilters(FeatureQuery query, List<NpgsqlParameter> parameters, bool includeCursor, StringBuilder shape)
    {
        var conditions = new List<string>();
        string Next() => "$" + parameters.Count;
        if (query.Bbox is { } bbox)
        {
            parameters.Add(new NpgsqlParameter<double> { TypedValue = bbox.MinLon });
            var first = Next();
            parameters.Add(new NpgsqlParameter<double> { TypedValue = bbox.MinLat });
            var second = Next();
            parameters.Add(new NpgsqlParameter<double> { TypedValue = bbox.MaxLon });
            var third = Next();
            parameters.Add(new NpgsqlParameter<double> { TypedValue = bbox.MaxLat });
            conditions.Add($"ST_Intersects(geom, ST_MakeEnvelope({first}, {second}, {third}, {Next()}, 4326))");
            shape.Append(":bbox");
        }
        if (query.Start is { } start)
        {
            parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = start.UtcDateTime });
            conditions.Add($"t_end >= {Next()}");
            shape.Append(":start");
        }
        if (query.End is { } end)
        {
            parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = end.UtcDateTime });
            conditions.Add($"t_start <= {Next()}");
            shape.Append(":end");
        }
        foreach (var (name, value) in query.PropertyEquals ?? [])
        {
            parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
            var key = Next();
            parameters.Add(new NpgsqlParameter<string> { TypedValue = value });
            conditions.Add($"properties->>{key} = {Next()}");
            shape.Append(":prop");
        }
        if (query.OnePerClaim)
        {
            conditions.Add("fid = (properties->>'claim_id')::bigint");
            shape.Append(":claims");
        }
        if (includeCursor && query.After is { } after)
        {
            parameters.Add(new NpgsqlParameter<long> { TypedValue = after });
            conditions.Add($"fid > {Next()}");
            shape.Append(":after");
        }
        if (includeCursor && query.Before is { } before)
        {
            parameters.Add(new NpgsqlParameter<long> { TypedValue = before });
            conditions.Add($"fid < {Next()}");
            shape.Append(":before");
        }
        return conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);
    }

    private static string Quote(string identifier) => SqlText.QuoteIdentifier(identifier);
}
