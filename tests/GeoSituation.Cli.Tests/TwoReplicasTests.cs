using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using GeoSituation.Cli.Tests.Infrastructure;

namespace GeoSituation.Cli.Tests;

/// <summary>
/// Two `geosituation serve` replicas on one database (as behind a load balancer): an ingest through either one, or
/// through `geosituation ingest`, makes both stop serving the stale tile, because the invalidation travels through
/// PostgreSQL LISTEN/NOTIFY and not through process memory.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class TwoReplicasTests(DatabaseFixture database)
{
    // Hebron (35.10 E, 31.53 N) lies in tile 8/152/104 with the seed's Gaza places.
    private const string Tile = "/tiles/places/8/152/104.mvt";

    private static async Task<byte[]> CachedTileAsync(ServeProcess server)
    {
        await server.Http.GetByteArrayAsync(Tile);
        using var response = await server.Http.GetAsync(Tile);
        response.EnsureSuccessStatusCode();
        // A hit proves the replica serves from its own cache: the test is about that cache going stale.
        Assert.Equal("hit", response.Headers.GetValues("X-Tile-Cache").Single());
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task PostAsync(ServeProcess server, string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/articles") { Content = JsonContent.Create(new { title = "Hebron", text }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ServeProcess.ApiKey);
        using var response = await server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>The replica's tile differs from <paramref name="stale"/> within a few seconds (a notification, not a timer).</summary>
    private static async Task AssertFreshAsync(ServeProcess server, byte[] stale, string who)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (!(await server.Http.GetByteArrayAsync(Tile)).SequenceEqual(stale)) return;
            await Task.Delay(100);
        }
        Assert.Fail($"{who} still serves the stale tile 10 s after the ingest.\n{server.Log}");
    }

    [Fact]
    public async Task An_ingest_on_either_replica_or_the_cli_refreshes_the_tile_on_both()
    {
        await using var a = await ServeProcess.StartAsync(database.ConnectionString);
        await using var b = await ServeProcess.StartAsync(database.ConnectionString);

        var staleA = await CachedTileAsync(a);
        var staleB = await CachedTileAsync(b);
        await PostAsync(a, $"Families arrived in Hebron on Monday, officials said. Ref {Guid.NewGuid():N}.");
        Assert.False((await a.Http.GetByteArrayAsync(Tile)).SequenceEqual(staleA), "the replica that took the POST serves the new tile at once");
        await AssertFreshAsync(b, staleB, "replica B");

        staleA = await CachedTileAsync(a);
        staleB = await CachedTileAsync(b);
        await PostAsync(b, $"More families arrived in Hebron on Tuesday, officials said. Ref {Guid.NewGuid():N}.");
        await AssertFreshAsync(a, staleA, "replica A");
        Assert.False((await b.Http.GetByteArrayAsync(Tile)).SequenceEqual(staleB));

        staleA = await CachedTileAsync(a);
        staleB = await CachedTileAsync(b);
        var file = Path.Combine(Path.GetTempPath(), $"hebron-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, $"Hebron shelters\nShelters in Hebron are full, officials said. Ref {Guid.NewGuid():N}.");
        try
        {
            var ingest = await CliProcess.RunAsync(["ingest", file, "--db", database.ConnectionString]);
            Assert.True(ingest.ExitCode == 0, ingest.ToString());
        }
        finally
        {
            File.Delete(file);
        }
        await AssertFreshAsync(a, staleA, "replica A after the CLI ingest");
        await AssertFreshAsync(b, staleB, "replica B after the CLI ingest");

        // stdout is a pipe here, so the logs are one JSON object a line (Server/Hosting/StructuredLogging.cs).
        var firstLine = a.Log.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0];
        using var entry = System.Text.Json.JsonDocument.Parse(firstLine);
        Assert.True(entry.RootElement.TryGetProperty("LogLevel", out _), firstLine);
    }
}
