using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace GeoSituation.Server.Tests.Robustness;

/// <summary>
/// PostgreSQL's promise, kept end to end: the server (and its embedded PostgreSQL) is killed with SIGKILL in
/// the middle of a bulk ingest, three times; every article the server acknowledged is there afterwards with
/// all its mentions, figures and events, none is there in part, and the next start works on the same folder.
/// </summary>
public sealed class CrashSafetyTests(ProcessDataFolder folder) : IClassFixture<ProcessDataFolder>
{
    private const string Key = "crash-tests-key-5be1f0a7";
    private const int Writers = 6;

    // The bulk ingest here is one client writing as fast as it can: the write rate limit is not what is tested.
    private static readonly Dictionary<string, string> Unlimited = new() { ["GEOSITUATION_WRITE_RATE"] = "100000", ["GEOSITUATION_WRITE_BURST"] = "100000" };

    private sealed record Ack(long Id, int Mentions, int Figures, int Events);

    [Fact]
    public async Task Kill_9_mid_ingest_loses_no_acknowledged_article_and_leaves_none_half_stored()
    {
        var acked = new ConcurrentDictionary<string, Ack>();
        var unknown = new ConcurrentDictionary<string, byte>();
        var texts = new ConcurrentDictionary<string, string>();
        var clock = Stopwatch.StartNew();

        // Round 0 kills the server; round 1 the server, then PostgreSQL; round 2 PostgreSQL first, then the server.
        for (var round = 0; round < 3; round++)
        {
            await using var server = await KillableServer.StartAsync(folder.Path, Key, Unlimited);
            var cluster = new EmbeddedCluster(folder.Path);
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, Writers).Select(w => WriteUntilStoppedAsync(server.BaseAddress, round, w, acked, unknown, texts, stop.Token)).ToArray();

            var ackedBefore = acked.Count;
            var wait = Stopwatch.StartNew();
            while (acked.Count < ackedBefore + 20 && wait.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(20);
            Assert.True(acked.Count >= ackedBefore + 20, $"round {round}: only {acked.Count - ackedBefore} articles acknowledged in 60 s:\n{server.Tail()}");

            if (round == 2)
            {
                await cluster.KillPostmasterAsync();
                await Task.Delay(300);
            }
            await server.KillAsync();
            if (round == 1) await cluster.KillPostmasterAsync();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        await using (var server = await KillableServer.StartAsync(folder.Path, Key, Unlimited))
        {
            var total = await TotalAsync(server.Http);
            Assert.True(total >= acked.Count && total <= acked.Count + unknown.Count,
                $"{total} articles stored; {acked.Count} acknowledged, {unknown.Count} unanswered when the server died");
            foreach (var (text, ack) in acked) await AssertCompleteAsync(server.Http, ack, text);

            // The clients retry what was never answered: each is stored exactly once, whether it had committed or not.
            foreach (var text in unknown.Keys)
            {
                var (status, ack) = await PostAsync(server.Http, texts[text]);
                Assert.True(status is HttpStatusCode.Created or HttpStatusCode.OK, $"retry answered {(int)status}");
                acked[text] = ack!;
            }
            Assert.Equal(acked.Count, await TotalAsync(server.Http));
            foreach (var (text, ack) in acked) await AssertCompleteAsync(server.Http, ack, text);
            Assert.Equal(acked.Count, acked.Values.Select(a => a.Id).Distinct().Count());

            Assert.Equal(0, await server.TerminateAsync(TimeSpan.FromSeconds(60)));
        }
        Assert.Null(new EmbeddedCluster(folder.Path).PostmasterPid());
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(8), $"crash test took {clock.Elapsed}");
    }

    [Fact]
    public async Task Graceful_shutdown_finishes_the_request_in_flight_then_stops_the_cluster_cleanly()
    {
        var server = await KillableServer.StartAsync(folder.Path, Key);
        await using (server)
        {
            var body = new SlowBody(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
            {
                title = "In flight at shutdown",
                text = $"Sent while the server shuts down ({Guid.NewGuid():N}): about 2,500 people fled from Rafah to Khan Yunis.",
            })));
            body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/articles") { Content = body };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
            var sending = server.Http.SendAsync(request);
            await body.HalfSent.Task.WaitAsync(TimeSpan.FromSeconds(30));

            var terminating = server.TerminateAsync(TimeSpan.FromSeconds(60));
            await Task.Delay(1000);
            Assert.False(terminating.IsCompleted, "the server exited with a request in flight");
            body.SendRest();

            using var response = await sending;
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal(0, await terminating);
        }
        Assert.Null(new EmbeddedCluster(folder.Path).PostmasterPid());
        Assert.False(File.Exists(Path.Combine(folder.Path, "pg", "postmaster.pid")), "postmaster.pid left behind: not a clean stop");
    }

    private static async Task WriteUntilStoppedAsync(Uri baseAddress, int round, int writer,
        ConcurrentDictionary<string, Ack> acked, ConcurrentDictionary<string, byte> unknown, ConcurrentDictionary<string, string> texts, CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var text = ArticleText(round, writer, i);
            texts[text] = text;
            unknown[text] = 0;
            try
            {
                var (status, ack) = await PostAsync(http, text);
                if (ack is not null)
                {
                    acked[text] = ack;
                    unknown.TryRemove(text, out _);
                }
                else if (status != HttpStatusCode.ServiceUnavailable)
                {
                    Assert.Fail($"ingest answered {(int)status}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                return; // The server is gone; this article stays "unknown".
            }
        }
    }

    /// <summary>A distinct article per call, naming several places so that it has mentions and a figure to lose.</summary>
    private static string ArticleText(int round, int writer, int i) =>
        $"Crash round {round}, writer {writer}, report {i} ({Guid.NewGuid():N}). About {1000 + i * 7:N0} people fled from Rafah to Khan Yunis " +
        $"on Monday, officials in Deir al-Balah said. Aid convoys waited in Cairo while shelling hit Gaza City.";

    private static async Task<(HttpStatusCode, Ack?)> PostAsync(HttpClient http, string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/articles")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { title = text[..30], text }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK)) return (response.StatusCode, null);
        var json = JsonDocument.Parse(body).RootElement;
        return (response.StatusCode, new Ack(json.GetProperty("id").GetInt64(), json.GetProperty("mentions").GetInt32(),
            json.GetProperty("displacement").GetArrayLength(), json.GetProperty("events").GetArrayLength()));
    }

    private static async Task AssertCompleteAsync(HttpClient http, Ack ack, string text)
    {
        using var response = await http.GetAsync($"/articles/{ack.Id}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"acknowledged article {ack.Id} is gone");
        var article = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(text, article.GetProperty("text").GetString());
        Assert.True(ack.Mentions > 0, "the generated article should have mentions");
        Assert.Equal(ack.Mentions, article.GetProperty("mentions").GetArrayLength());
        Assert.Equal(ack.Figures, article.GetProperty("displacement").GetArrayLength());
        Assert.Equal(ack.Events, article.GetProperty("events").GetArrayLength());
    }

    private static async Task<long> TotalAsync(HttpClient http)
    {
        var page = JsonDocument.Parse(await http.GetStringAsync("/articles?limit=1")).RootElement;
        return page.GetProperty("total").GetInt64();
    }

    /// <summary>A request body sent in two halves: the second only when the test says so.</summary>
    private sealed class SlowBody(byte[] bytes) : HttpContent
    {
        private readonly TaskCompletionSource rest = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource HalfSent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void SendRest() => rest.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var half = bytes.Length / 2;
            await stream.WriteAsync(bytes.AsMemory(0, half));
            await stream.FlushAsync();
            HalfSent.TrySetResult();
            await rest.Task;
            await stream.WriteAsync(bytes.AsMemory(half));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = bytes.Length;
            return true;
        }
    }
}
