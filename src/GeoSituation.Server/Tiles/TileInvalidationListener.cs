using GeoSituation.Postgis.Articles;
using Npgsql;

namespace GeoSituation.Server.Tiles;

/// <summary>
/// Keeps the tile cache right when another process (a `geosituation ingest` on the same database) stores articles:
/// every commit is announced with LISTEN/NOTIFY, and the tiles of articles not stored here are dropped.
/// </summary>
internal sealed class TileInvalidationListener(ArticleStore store, TileCache cache, ILogger<TileInvalidationListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await store.ListenAsync(OnArticlesAsync, OnReconnectAsync, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task OnArticlesAsync(IReadOnlyList<long> articleIds)
    {
        // Articles stored by this process had their tiles dropped at commit; one footprint for the others (a bulk ingest's whole batch).
        var others = articleIds.Where(id => !cache.WasInvalidatedHere(id)).ToList();
        if (others.Count == 0) return;
        try
        {
            cache.Invalidate(await store.FootprintAsync(others));
        }
        catch (NpgsqlException)
        {
            // Cannot tell which tiles changed: drop them all rather than serve a stale one.
            cache.Clear();
        }
    }

    private Task OnReconnectAsync()
    {
        logger.LogInformation("Reconnected to the database; tile cache cleared (notifications may have been missed)");
        cache.Clear();
        return Task.CompletedTask;
    }
}
