using System.Threading.Channels;
using GeoSituation.Core.Articles;
using GeoSituation.Postgis.Articles;
using Npgsql;

namespace GeoSituation.Postgis.Ingest;

/// <summary>What became of one article of a bulk ingest: stored (or found already stored), or failed with a reason.</summary>
/// <param name="Where">Where the article came from ("file.jsonl#12"), for messages.</param>
public sealed record BulkIngestOutcome(string Where, IngestResult? Result, string? Error);

/// <summary>An analysed article waiting to be stored, and where it came from.</summary>
public sealed record AnalysedArticle(string Where, ArticleAnalysis Analysis);

/// <summary>
/// Ingests many articles (the `ingest` verb): analysis runs on every core while writers store what is ready in
/// batches, one transaction per batch, so neither waits for the other and commits are few.
/// </summary>
/// <remarks>
/// A batch that PostgreSQL rejects is stored again one article at a time, so one bad article fails alone.
/// An outcome is reported only once its transaction has committed: nothing reported stored can be lost.
/// </remarks>
public sealed class BulkIngestor(ArticleAnalyzer analyzer, ArticleStore store)
{
    /// <summary>Most articles per transaction; the writer takes fewer when fewer are ready.</summary>
    public int MaxBatch { get; init; } = 500;

    /// <summary>Articles analysed at once.</summary>
    public int AnalysisWorkers { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Batches stored at once. Two keep a PostgreSQL backend busy while the other commits, and the database's share of
    /// a machine that analysis threads (and other processes) also want closer to the half it needs.
    /// </summary>
    public int Writers { get; init; } = 2;

    /// <param name="onOutcome">Called once per article, from several threads, in no particular order.</param>
    public async Task RunAsync(IEnumerable<(ArticleInput Article, string Where)> articles, Action<BulkIngestOutcome> onOutcome, CancellationToken cancellationToken = default)
    {
        // Bounded: analysis never runs more than two batches ahead of storage.
        var ready = Channel.CreateBounded<AnalysedArticle>(new BoundedChannelOptions(2 * MaxBatch));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var storing = Task.WhenAll(Enumerable.Range(0, Math.Max(1, Writers)).Select(_ => StoreAllAsync(ready.Reader, onOutcome, stop)));
        try
        {
            using var source = articles.GetEnumerator();
            await Task.WhenAll(Enumerable.Range(0, Math.Max(1, AnalysisWorkers)).Select(_ => Task.Factory.StartNew(
                () => Analyse(source, ready.Writer, onOutcome, stop.Token), stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default)));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A writer stopped analysis because it failed: awaiting the writers below says why.
        }
        finally
        {
            ready.Writer.TryComplete();
        }
        await storing;
    }

    /// <summary>Analyses articles from the shared source until it is exhausted.</summary>
    /// <remarks>
    /// On a thread of its own: analysis is CPU-bound and synchronous, and on thread-pool threads it would hold up the
    /// writers' I/O continuations until the pool grew (it adds threads slowly, and a run lasts seconds).
    /// </remarks>
    private void Analyse(IEnumerator<(ArticleInput Article, string Where)> source, ChannelWriter<AnalysedArticle> ready, Action<BulkIngestOutcome> onOutcome, CancellationToken cancellationToken)
    {
        while (true)
        {
            (ArticleInput Article, string Where) item;
            lock (source)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!source.MoveNext()) return;
                item = source.Current;
            }
            ArticleAnalysis analysis;
            try
            {
                analysis = analyzer.Analyze(item.Article, cancellationToken);
            }
            catch (Exception e) when (e is InvalidDataException or ArgumentException)
            {
                onOutcome(new BulkIngestOutcome(item.Where, null, e.Message));
                continue;
            }
            var analysed = new AnalysedArticle(item.Where, analysis);
            while (!ready.TryWrite(analysed))
            {
                // Storage is behind: wait for room (this thread has nothing else to do).
                if (!ready.WaitToWriteAsync(cancellationToken).AsTask().GetAwaiter().GetResult()) return;
            }
        }
    }

    private async Task StoreAllAsync(ChannelReader<AnalysedArticle> ready, Action<BulkIngestOutcome> onOutcome, CancellationTokenSource stop)
    {
        // Off the caller's thread: the first batch is stored while analysis goes on.
        await Task.Yield();
        try
        {
            var batch = new List<AnalysedArticle>(MaxBatch);
            while (await ready.WaitToReadAsync(stop.Token))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && ready.TryRead(out var item)) batch.Add(item);
                await StoreBatchAsync(batch, onOutcome, stop.Token);
            }
        }
        catch
        {
            // Analysis would otherwise wait forever for room in the channel.
            await stop.CancelAsync();
            throw;
        }
    }

    /// <summary>Stores the articles in one transaction; when PostgreSQL rejects it, stores them one by one so only the bad ones fail.</summary>
    /// <param name="onOutcome">Called once per article, after its transaction committed (or failed).</param>
    public async Task StoreBatchAsync(IReadOnlyList<AnalysedArticle> batch, Action<BulkIngestOutcome> onOutcome, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<IngestResult> results;
        try
        {
            results = await store.SaveBatchAsync(batch.Select(b => b.Analysis).ToList(), cancellationToken);
        }
        catch (Exception e) when (IsArticleError(e) && batch.Count > 1)
        {
            foreach (var item in batch) await StoreOneAsync(item, onOutcome, cancellationToken);
            return;
        }
        catch (Exception e) when (IsArticleError(e))
        {
            onOutcome(new BulkIngestOutcome(batch[0].Where, null, e.Message));
            return;
        }
        for (var i = 0; i < batch.Count; i++) onOutcome(new BulkIngestOutcome(batch[i].Where, results[i], null));
    }

    private async Task StoreOneAsync(AnalysedArticle item, Action<BulkIngestOutcome> onOutcome, CancellationToken cancellationToken)
    {
        try
        {
            onOutcome(new BulkIngestOutcome(item.Where, await store.SaveAsync(item.Analysis, cancellationToken), null));
        }
        catch (Exception e) when (IsArticleError(e))
        {
            onOutcome(new BulkIngestOutcome(item.Where, null, e.Message));
        }
    }

    /// <summary>
    /// Errors an article's content can cause (a value PostgreSQL rejects, text that cannot be encoded); anything else,
    /// a lost connection say, stops the ingest.
    /// </summary>
    private static bool IsArticleError(Exception e) => e is PostgresException or ArgumentException or InvalidDataException;
}
