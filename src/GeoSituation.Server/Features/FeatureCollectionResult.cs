using System.Globalization;
using System.Text;
using System.Text.Json;
using GeoSituation.Postgis.Features;
using GeoSituation.Server.Reliability;

namespace GeoSituation.Server.Features;

/// <summary>
/// Streams a GeoJSON FeatureCollection: features go to the client as PostgreSQL produces them, so a page of
/// 10,000 features (or a client paging through a million) runs in constant memory. The store reads in keyset chunks
/// and gives its connection back between them, and a client that stops reading is cut after the write timeout
/// (<see cref="WriteDeadlineStream"/>): a stalled client holds one chunk of memory and no database connection. The paging links and counts
/// come last, once the page's last id is known; JSON does not care about member order.
/// </summary>
internal sealed class FeatureCollectionResult(FeatureQuery query, FeatureStore store, MatchedCounts counts) : IResult
{
    private const int FlushEveryBytes = 64 * 1024;

    public async Task ExecuteAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var backwards = query.Before is not null && query.After is null;
        var rows = store.ReadAsync(query, cancellationToken).GetAsyncEnumerator(cancellationToken);
        var released = false;
        // numberMatched (kept, or counted) is asked for once the page's connection is back in the pool: a request
        // never holds one connection while waiting for a second, so 200 concurrent clients cannot starve the pool.
        async Task<long> CountAfterReleasingAsync()
        {
            if (!released) { released = true; await rows.DisposeAsync(); }
            return await counts.GetAsync(query, cancellationToken);
        }
        try
        {
            // Read the first row before committing to 200, so a database failure still becomes a problem+json 503.
            var hasRow = await rows.MoveNextAsync();
            var more = false;
            if (backwards)
            {
                // A previous page (at most limit + 1 rows, already buffered by the store): the extra row, if
                // any, is the lowest id and only says that there is a page before this one.
                var page = new List<FeatureRow>();
                while (hasRow) { page.Add(rows.Current); hasRow = await rows.MoveNextAsync(); }
                if (page.Count > query.Limit) { more = true; page.RemoveAt(0); }
                await WriteAsync(context, page.ToAsyncEnumerable(), more, CountAfterReleasingAsync, backwards, cancellationToken);
            }
            else
            {
                await WriteAsync(context, Remaining(rows, hasRow), more, CountAfterReleasingAsync, backwards, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away, or stopped reading and was cut (WriteDeadlineStream): nothing left to answer.
        }
        finally
        {
            if (!released) await rows.DisposeAsync();
        }
    }

    private static async IAsyncEnumerable<FeatureRow> Remaining(IAsyncEnumerator<FeatureRow> rows, bool hasRow)
    {
        while (hasRow)
        {
            yield return rows.Current;
            hasRow = await rows.MoveNextAsync();
        }
    }

    private async Task WriteAsync(HttpContext context, IAsyncEnumerable<FeatureRow> rows, bool morePrevious, Func<Task<long>> countMatched, bool backwards, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = OgcLinks.GeoJson;
        await using var writer = new Utf8JsonWriter(WriteDeadlineStream.For(context), new JsonWriterOptions { SkipValidation = true, Encoder = OgcLinks.Encoder });
        writer.WriteStartObject();
        writer.WriteString("type", "FeatureCollection");
        writer.WriteStartArray("features");
        var returned = 0;
        long? firstFid = null, lastFid = null;
        var moreNext = false;
        await foreach (var row in rows)
        {
            if (returned == query.Limit)
            {
                moreNext = true;
                break;
            }
            writer.WriteRawValue(row.Json, skipInputValidation: true);
            firstFid ??= row.Fid;
            lastFid = row.Fid;
            returned++;
            if (writer.BytesPending > FlushEveryBytes) await writer.FlushAsync(cancellationToken);
        }
        writer.WriteEndArray();
        writer.WriteNumber("numberMatched", await countMatched());
        writer.WriteNumber("numberReturned", returned);
        writer.WriteString("timeStamp", DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        writer.WriteStartArray("links");
        var root = OgcLinks.Base(context.Request);
        var items = $"{root}/collections/{query.Collection.Id}/items";
        OgcLinks.Write(writer, items + QueryString(query.After, query.Before), "self", OgcLinks.GeoJson, "This page");
        OgcLinks.Write(writer, $"{root}/collections/{query.Collection.Id}", "collection", OgcLinks.Json, query.Collection.Title);
        // Going backwards, a next page exists by construction (we came from it); going forwards, a previous one does.
        var hasNext = backwards ? returned > 0 : moreNext;
        var hasPrevious = backwards ? morePrevious : query.After is not null && returned > 0;
        if (hasNext && lastFid is { } last) OgcLinks.Write(writer, items + QueryString(after: last, before: null), "next", OgcLinks.GeoJson, "Next page");
        if (hasPrevious && firstFid is { } first) OgcLinks.Write(writer, items + QueryString(after: null, before: first), "prev", OgcLinks.GeoJson, "Previous page");
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>The query string of a link: the same filters with another cursor.</summary>
    private string QueryString(long? after, long? before)
    {
        var parts = new List<string> { "limit=" + query.Limit.ToString(CultureInfo.InvariantCulture) };
        if (query.Bbox is { } b)
        {
            parts.Add("bbox=" + string.Join(",", new[] { b.MinLon, b.MinLat, b.MaxLon, b.MaxLat }.Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
        }
        if (query.Start is not null || query.End is not null)
        {
            parts.Add("datetime=" + Uri.EscapeDataString(Format(query.Start) + "/" + Format(query.End)));
        }
        foreach (var (name, value) in query.PropertyEquals ?? []) parts.Add(Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value));
        if (after is { } a) parts.Add("after=" + a.ToString(CultureInfo.InvariantCulture));
        if (before is { } bf) parts.Add("before=" + bf.ToString(CultureInfo.InvariantCulture));
        var builder = new StringBuilder("?");
        builder.AppendJoin('&', parts);
        return builder.ToString();
    }

    private static string Format(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture) : "..";
}
