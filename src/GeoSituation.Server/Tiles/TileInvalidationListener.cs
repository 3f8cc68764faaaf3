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
            await store.ListenAsync(OnArticleAsync, OnReconnectAsync, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task OnArticleAsync(long articleId)
    {
        if (cache.WasInvalidatedHere(articleId)) return;
        try
        {
            cache.Invalidate(await store.FootprintAsync(articleId));
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
