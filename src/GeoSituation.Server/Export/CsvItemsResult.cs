using System.Text;
using GeoSituation.Core.Gazetteer;
using GeoSituation.Postgis.Export;
using GeoSituation.Postgis.Features;
using GeoSituation.Server.Reliability;

namespace GeoSituation.Server.Export;

/// <summary>
/// /collections/{id}/items?f=csv: every matching feature (or, with limit or before, the same page as the GeoJSON
/// response), as CSV with an HXL hashtag row (unless hxl=false), or with schema=acled in ACLED's columns, one row per
/// claim (the writers `geosituation export --format csv` uses). Streamed with a write timeout, read from the database in
/// keyset chunks (<see cref="FeatureStore.ReadAsync"/>): a slow client holds one chunk and no connection.
/// </summary>
internal sealed class CsvItemsResult(FeatureQuery request, CsvSchema schema, bool hashtags, FeatureStore store) : IResult
{
    public const string ContentType = "text/csv; charset=utf-8";

    public async Task ExecuteAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var query = FeatureCsv.Query(request, schema);
        var fileName = $"{query.Collection.Id}{(schema == CsvSchema.Acled ? "-acled" : "")}.csv";
        // HEAD writes the rows too (Kestrel sends none of them): its Content-Length must be the GET's, and /vsicurl/
        // asks HEAD first. A HEAD stops once the answer is too large to be sent with a length.
        var head = Hosting.HeadRequests.IsHead(context);
        var backwards = query.Before is not null && query.After is null;
        var rows = new List<FeatureRow>();
        var pending = store.ReadAsync(query, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            // The first row is read before the status is sent, so a database failure still becomes a problem+json.
            var hasRow = await pending.MoveNextAsync();
            SetHeaders(context, fileName);
            await using var body = new LengthFirstBody(context, WriteDeadlineStream.For(context));
            await using var writer = new StreamWriter(body, new UTF8Encoding(false), 16 * 1024);
            var csv = FeatureCsv.Create(writer, query.Collection, schema, context.RequestServices.GetRequiredService<CountryCodes>, hashtags);
            await csv.WriteHeaderAsync(cancellationToken);
            var written = 0;
            if (backwards)
            {
                // A previous page comes newest-last with one extra row first that only says "more before".
                while (hasRow) { rows.Add(pending.Current); hasRow = await pending.MoveNextAsync(); }
                foreach (var row in rows.Count > query.Limit ? rows.Skip(1) : rows) await csv.WriteAsync(row, cancellationToken);
            }
            else
            {
                while (hasRow && written < query.Limit && !(head && body.Streaming))
                {
                    await csv.WriteAsync(pending.Current, cancellationToken);
                    written++;
                    hasRow = await pending.MoveNextAsync();
                }
            }
            await writer.FlushAsync(cancellationToken);
            await body.CompleteAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away, or stopped reading and was cut (WriteDeadlineStream).
        }
        finally
        {
            await pending.DisposeAsync();
        }
    }

    private static void SetHeaders(HttpContext context, string fileName)
    {
        context.Response.ContentType = ContentType;
        context.Response.Headers.ContentDisposition = $"inline; filename=\"{fileName}\"";
    }
}
