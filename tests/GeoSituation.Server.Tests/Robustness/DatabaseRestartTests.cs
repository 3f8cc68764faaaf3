using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using GeoSituation.Server.Tests.Api;

namespace GeoSituation.Server.Tests.Robustness;

/// <summary>
/// The database goes away under the running server: /healthz says so, reads and writes answer 503 with
/// Retry-After as problem+json, and within 5 s of the database accepting connections again everything works,
/// without restarting the server. A kill -9 of the embedded postmaster is repaired by the server itself.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class DatabaseRestartTests(ServerFixture server)
{
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Stopped_database_gives_503_with_retry_after_and_the_server_recovers_within_5_s_of_its_return()
    {
        var cluster = new EmbeddedCluster(server.DataFolder);
        Assert.True(await cluster.AcceptsConnectionsAsync(), "the fixture's cluster should be up");
        await WaitHealthyAsync(TimeSpan.FromSeconds(30));
        var before = await ArticleTotalAsync();

        var (stopCode, stopOutput) = await cluster.StopAsync();
        Assert.True(stopCode == 0, stopOutput);
        try
        {
            // At once and together: the server's own watchdog starts the cluster again within a second or two.
            await Task.WhenAll(
                AssertUnavailableAsync(HttpMethod.Get, "/healthz", problemJson: false),
                AssertUnavailableAsync(HttpMethod.Get, "/collections/places/items?limit=5"),
                AssertUnavailableAsync(HttpMethod.Get, "/articles"),
                AssertUnavailableAsync(HttpMethod.Get, "/tiles/places/3/4/3?datetime=2001-01-01T00:00:00Z/.."),
                AssertUnavailableAsync(HttpMethod.Post, "/articles"));
        }
        finally
        {
            // Started here as an operator would; if the server's watchdog was quicker, pg_ctl start finds it running.
            var (startCode, startOutput) = await cluster.StartAsync();
            Assert.True(startCode == 0 || (await cluster.StatusAsync()).ExitCode == 0, startOutput);
        }
        var back = Stopwatch.StartNew();
        while (!await cluster.AcceptsConnectionsAsync())
        {
            Assert.True(back.Elapsed < TimeSpan.FromSeconds(60), "the cluster did not accept connections after pg_ctl start");
            await Task.Delay(50);
        }
        back.Restart();
        await WaitUntilAsync(async () =>
        {
            using var health = await server.Http.GetAsync("/healthz");
            using var items = await server.Http.GetAsync("/collections/places/items?limit=5");
            using var articles = await server.Http.GetAsync("/articles?limit=1");
            return health.StatusCode == HttpStatusCode.OK && items.StatusCode == HttpStatusCode.OK && articles.StatusCode == HttpStatusCode.OK;
        }, RecoveryBound, "reads did not recover within 5 s of the database coming back");
        var (status, _) = await server.PostArticleAsync(new { title = "After the restart", text = $"After the database restart {Guid.NewGuid():N}, families fled from Rafah to Khan Yunis." });
        Assert.True(back.Elapsed < RecoveryBound + TimeSpan.FromSeconds(2) && status == HttpStatusCode.Created, $"write after recovery: {status} at {back.Elapsed}");
        Assert.Equal(before + 1, await ArticleTotalAsync());
    }

    [Fact]
    public async Task Killed_embedded_postmaster_is_started_again_by_the_server_and_nothing_committed_is_lost()
    {
        var cluster = new EmbeddedCluster(server.DataFolder);
        await WaitHealthyAsync(TimeSpan.FromSeconds(30));
        var (created, body) = await server.PostArticleAsync(new { title = "Before the crash", text = $"Before the crash {Guid.NewGuid():N}, about 3,000 people fled from Rafah to Deir al-Balah." });
        Assert.Equal(HttpStatusCode.Created, created);
        var id = body.GetProperty("id").GetInt64();
        var before = await ArticleTotalAsync();

        await cluster.KillPostmasterAsync();
        Assert.Null(cluster.PostmasterPid());
        await AssertUnavailableAsync(HttpMethod.Get, "/collections/places/items?limit=5");

        // Nobody starts it here: the server notices and starts it.
        await WaitHealthyAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(before, await ArticleTotalAsync());
        using var article = await server.Http.GetAsync($"/articles/{id}");
        Assert.Equal(HttpStatusCode.OK, article.StatusCode);
        var metrics = await server.Http.GetStringAsync("/metrics");
        Assert.Matches(@"geosituation_database_outages_total [1-9]", metrics);
        Assert.Contains("geosituation_database_up 1", metrics);
    }

    private async Task AssertUnavailableAsync(HttpMethod method, string path, bool problemJson = true)
    {
        using var request = new HttpRequestMessage(method, path);
        if (method == HttpMethod.Post)
        {
            request.Content = new StringContent($"{{\"title\":\"While down\",\"text\":\"While the database is down {Guid.NewGuid():N}, people fled Rafah.\"}}", Encoding.UTF8, "application/json");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ServerFixture.ApiKey);
        }
        using var response = await server.Http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{method} {path}: {(int)response.StatusCode} while the database is down");
        Assert.True(response.Headers.RetryAfter is not null, $"{method} {path}: no Retry-After");
        if (problemJson) Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<long> ArticleTotalAsync() => (await server.GetJsonAsync("/articles?limit=1")).GetProperty("total").GetInt64();

    private async Task WaitHealthyAsync(TimeSpan bound) => await WaitUntilAsync(async () =>
    {
        using var health = await server.Http.GetAsync("/healthz");
        return health.StatusCode == HttpStatusCode.OK;
    }, bound, $"/healthz not 200 within {bound}");

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan bound, string message)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (await condition()) return;
            }
            catch (HttpRequestException)
            {
                // Counts as not yet.
            }
            Assert.True(clock.Elapsed < bound, $"{message} (waited {clock.Elapsed.TotalSeconds:0.0} s)");
            await Task.Delay(50);
        }
    }
}
