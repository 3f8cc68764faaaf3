using System.Diagnostics;
using System.Globalization;
using System.Net;
using GeoSituation.Server.Tests.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GeoSituation.Server.Tests.Robustness;

/// <summary>
/// Issue 13, points 3 and 6: spellings of one request must not mint cache entries or PNG renders, and distinct
/// keys (however long) must keep the cache within its byte budget, entries and all. A server of its own on the shared
/// test database with a 1 MB tile cache and two PNG renderers.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class TileCacheBoundTests(ServerFixture fixture)
{
    private const int CacheMegabytes = 1;
    private const int Renderers = 2;

    /// <summary>An empty ocean tile: each miss is a cheap query, so thousands fit in seconds.</summary>
    private const string EmptyTile = "/tiles/events/14/100/100.mvt";

    [Fact]
    public async Task Spellings_of_one_datetime_and_unread_parameters_share_one_entry_and_one_render()
    {
        await using var server = await StartAsync();
        var before = await server.MetricsAsync();

        // 2,000 spellings of the interval from 2024-02-13T12:00Z: every UTC offset to the minute, "Z" or "z", with or
        // without a fraction, open end ".." or empty.
        var instant = new DateTimeOffset(2024, 2, 13, 12, 0, 0, TimeSpan.Zero);
        var spellings = Enumerable.Range(0, 2000).Select(i =>
        {
            var offset = TimeSpan.FromMinutes(i % 1560 - 720);
            var local = instant.ToOffset(offset);
            var zone = offset == TimeSpan.Zero && i % 3 == 0 ? (i % 2 == 0 ? "Z" : "z") : local.ToString("zzz", CultureInfo.InvariantCulture);
            var fraction = i >= 1560 ? ".000" : "";
            return local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + fraction + zone + (i % 2 == 0 ? "/.." : "/");
        }).Distinct().ToList();
        Assert.True(spellings.Count > 1500);
        await server.GetAllAsync(spellings.Select(s => $"{EmptyTile}?datetime={Uri.EscapeDataString(s)}"));
        // Property filters in any order and numbers in any notation are one key too.
        await server.GetAllAsync(Enumerable.Range(0, 200).Select(i => i % 2 == 0
            ? $"{EmptyTile}?inter1={(i % 4 == 0 ? "1" : "%2B001.00")}&event_type=Battles"
            : $"{EmptyTile}?event_type=Battles&inter1=1.{new string('0', i % 20)}"));

        // PNG: spellings of the datetime and parameters the route does not read are one render.
        // The first alone: concurrent misses of one key may each draw it (no single flight).
        var png = spellings.Take(300).Select((s, i) => $"/tiles/places/14/100/100.png?datetime={Uri.EscapeDataString(s)}&cachebust={i}").ToList();
        await server.GetAllAsync(png.Take(1));
        await server.GetAllAsync(png.Skip(1));

        var after = await server.MetricsAsync();
        Assert.Equal(3, after["geosituation_tile_cache_tiles"] - before["geosituation_tile_cache_tiles"]);
        Assert.Equal(1, after["geosituation_png_renders_total"] - before["geosituation_png_renders_total"]);
    }

    [Fact]
    public async Task Thousands_of_distinct_keys_keep_the_cache_and_the_process_within_the_budget()
    {
        await using var server = await StartAsync();
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();

        // 4,000 distinct datetimes (empty tiles: they used to count 0 bytes) and 1,000 filters of 1,900 characters (their
        // keys used to count nothing), all on the same empty tile.
        var start = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await server.GetAllAsync(Enumerable.Range(0, 4000).Select(i =>
            $"{EmptyTile}?datetime={Uri.EscapeDataString(start.AddSeconds(i).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture))}/.."));
        await server.GetAllAsync(Enumerable.Range(0, 1000).Select(i => $"{EmptyTile}?actor1={i:D6}{new string('x', 1894)}"));

        var metrics = await server.MetricsAsync();
        var budget = CacheMegabytes * 1024 * 1024;
        Assert.InRange(metrics["geosituation_tile_cache_bytes"], 1, budget);
        // An entry costs at least its overhead, so the budget bounds their number too.
        Assert.InRange(metrics["geosituation_tile_cache_tiles"], 1, budget / 640);

        var grown = GC.GetTotalMemory(forceFullCollection: true) - memoryBefore;
        // The cache's own bound is the two metrics above (before the fix 5,000 entries of up to 3.8 KB keys counted
        // nothing). The heap is only a guard against a gross leak: other test classes run in this process at the same
        // time and hold their own live data (a 32 MB margin once failed at 140 MB while they ran).
        Assert.True(grown < budget + 256L * 1024 * 1024, $"managed heap grew by {grown / 1024 / 1024} MB");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"{clock.Elapsed.TotalSeconds:0} s");
    }

    [Fact]
    public async Task A_query_string_over_2_KB_is_a_414_problem()
    {
        using var response = await fixture.Http.GetAsync($"{EmptyTile}?actor1={new string('x', 2100)}");
        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Query string too long", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Concurrent_distinct_png_tiles_are_drawn_at_most_renderers_at_a_time()
    {
        await using var server = await StartAsync();
        var before = await server.MetricsAsync();
        Assert.Equal(0, before["geosituation_png_renders_peak"]);

        // 40 distinct keys at once, on a tile with the basemap's coastlines so each draw takes real work.
        var clock = Stopwatch.StartNew();
        var start = new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var statuses = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            using var response = await server.Http.GetAsync($"/tiles/basemap,places/5/19/13.png?datetime={start.AddDays(i):yyyy-MM-dd}");
            return response.StatusCode;
        }));

        // Each is drawn or, after waiting its turn for 2 s, refused with 503: never 40 draws at once.
        Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
        var after = await server.MetricsAsync();
        Assert.InRange(after["geosituation_png_renders_peak"], 1, Renderers);
        Assert.Equal(statuses.Count(s => s == HttpStatusCode.OK), after["geosituation_png_renders_total"] - before["geosituation_png_renders_total"]);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"{clock.Elapsed.TotalSeconds:0} s");
    }

    private async Task<TestServer> StartAsync()
    {
        var database = fixture.DatabaseConnection().ConnectionString;
        var app = ServerApp.Build(
        [
            "--urls=http://127.0.0.1:0",
            $"--GEOSITUATION_DATA={fixture.DataFolder}",
            "--GEOSITUATION_SEEDS=none",
            $"--GEOSITUATION_API_KEY={ServerFixture.ApiKey}",
            $"--GEOSITUATION_DB={database}",
            $"--GEOSITUATION_TILE_CACHE_MB={CacheMegabytes}",
            $"--GEOSITUATION_RENDER_CONCURRENCY={Renderers}",
            "--GEOSITUATION_CLIENT_CONCURRENCY=100",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new TestServer(app, new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) });
    }

    private sealed record TestServer(WebApplication App, HttpClient Http) : IAsyncDisposable
    {
        /// <summary>GETs every path, 8 at a time; each must be a 200.</summary>
        public Task GetAllAsync(IEnumerable<string> paths) =>
            Parallel.ForEachAsync(paths, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (path, token) =>
            {
                using var response = await Http.GetAsync(path, token);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path[..Math.Min(path.Length, 120)]}: {(int)response.StatusCode}");
            });

        /// <summary>The unlabelled samples of /metrics, by name.</summary>
        public async Task<Dictionary<string, double>> MetricsAsync()
        {
            var text = await Http.GetStringAsync("/metrics");
            return text.Split('\n')
                .Where(line => line.Length > 0 && line[0] != '#' && !line.Contains('{'))
                .Select(line => line.Split(' '))
                .ToDictionary(parts => parts[0], parts => double.Parse(parts[1], CultureInfo.InvariantCulture));
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
