using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace GeoSituation.Server.Tests.Robustness;

/// <summary>
/// A server configured shut: reads need a key, a reader and a writer key besides the main one, a low write rate,
/// a 4 KB article limit. Also what every server sends: security headers, the CSP, no compression on
/// authenticated answers, and logs without stack traces or secrets.
/// </summary>
public sealed class HardenedConfigurationTests(ProcessDataFolder folder) : IClassFixture<ProcessDataFolder>
{
    private const string MainKey = "hardened-main-key-77d0c2";
    private const string ReaderKey = "hardened-reader-key-1f5e93";
    private const string WriterKey = "hardened-writer-key-a0c4e8";

    [Fact]
    public async Task Closed_reads_roles_rate_limit_size_limit_headers_and_clean_logs()
    {
        await using var server = await KillableServer.StartAsync(folder.Path, MainKey, new Dictionary<string, string>
        {
            ["GEOSITUATION_READS"] = "key",
            ["GEOSITUATION_API_KEYS"] = $"reader:{ReaderKey},writer:{WriterKey}",
            ["GEOSITUATION_WRITE_RATE"] = "1",
            ["GEOSITUATION_WRITE_BURST"] = "4",
            ["GEOSITUATION_MAX_ARTICLE_BYTES"] = "4096",
        });
        var http = server.Http;

        // Reads: closed without a key (with a challenge), open to readers and writers; /healthz stays open.
        using (var anonymous = await http.GetAsync("/collections"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Bearer", anonymous.Headers.WwwAuthenticate.ToString());
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(http, HttpMethod.Get, "/tiles/places/0/0/0", "not-a-key")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, HttpMethod.Get, "/collections/places/items?limit=1", ReaderKey)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, HttpMethod.Get, "/articles", WriterKey)).StatusCode);

        // Writes: a reader key is 403, the extra writer key writes.
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(http, HttpMethod.Post, "/articles", ReaderKey, Article("reader"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(http, HttpMethod.Post, "/articles", WriterKey, Article("writer"))).StatusCode);

        // The configured size limit: 413 above 4 KB.
        using (var big = await SendAsync(http, HttpMethod.Post, "/articles", MainKey, Article(new string('x', 5000))))
        {
            Assert.True(big.StatusCode == HttpStatusCode.RequestEntityTooLarge || big.StatusCode == HttpStatusCode.TooManyRequests, $"{big.StatusCode}");
            Assert.Equal("application/problem+json", big.Content.Headers.ContentType?.MediaType);
        }

        // One write per second with bursts of 4: a quick run of writes meets 429 with Retry-After.
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 12 && limited is null; i++)
        {
            var response = await SendAsync(http, HttpMethod.Post, "/articles", MainKey, Article($"burst {i}"));
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited = response;
            else Assert.True(response.IsSuccessStatusCode, $"write {i}: {(int)response.StatusCode}");
        }
        Assert.NotNull(limited);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);

        // HTML pages carry the CSP (this origin only, blob: workers for MapLibre); /embed may be framed by dashboards.
        using (var page = await SendAsync(http, HttpMethod.Get, "/", ReaderKey, accept: "text/html"))
        {
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            var csp = string.Join(" ", page.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'self'", csp);
            Assert.Contains("worker-src 'self' blob:", csp);
            Assert.Contains("frame-ancestors 'self'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Equal("SAMEORIGIN", string.Join("", page.Headers.GetValues("X-Frame-Options")));
            Assert.Equal("nosniff", string.Join("", page.Headers.GetValues("X-Content-Type-Options")));
        }
        using (var embed = await SendAsync(http, HttpMethod.Get, "/embed", ReaderKey, accept: "text/html"))
        {
            Assert.Contains("frame-ancestors *", string.Join(" ", embed.Headers.GetValues("Content-Security-Policy")));
            Assert.False(embed.Headers.Contains("X-Frame-Options"));
        }

        // Answers to requests with credentials are never compressed (BREACH); the Server header is gone.
        using (var script = await SendAsync(http, HttpMethod.Get, "/vendor/maplibre-gl/maplibre-gl.js", ReaderKey, acceptEncoding: "br, gzip"))
        {
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
            Assert.Empty(script.Content.Headers.ContentEncoding);
            Assert.False(script.Headers.Contains("Server"));
        }

        // Bad input and a database outage must not put stack traces, SQL, connection strings or keys in the log.
        await SendAsync(http, HttpMethod.Post, "/articles", MainKey, "{\"text\":1e999}");
        await SendAsync(http, HttpMethod.Get, "/collections/places/items?bbox=1e999,0,1,1", ReaderKey);
        var cluster = new EmbeddedCluster(folder.Path);
        await cluster.KillPostmasterAsync();
        await SendAsync(http, HttpMethod.Get, "/collections/places/items", ReaderKey);
        // The server's watchdog starts the cluster again.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while ((await http.GetAsync("/healthz")).StatusCode != HttpStatusCode.OK && DateTime.UtcNow < deadline) await Task.Delay(200);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        Assert.Equal(0, await server.TerminateAsync(TimeSpan.FromSeconds(60)));

        var log = server.Output;
        Assert.DoesNotContain("   at ", log);
        foreach (var secret in new[] { MainKey, ReaderKey, WriterKey, "Password=", "SELECT ", "INSERT " }) Assert.DoesNotContain(secret, log);
        Assert.Contains("restart", log, StringComparison.OrdinalIgnoreCase);
    }

    private static string Article(string marker) =>
        $"{{\"title\":\"Hardened {marker[..Math.Min(20, marker.Length)]}\",\"text\":\"{marker} {Guid.NewGuid():N}: about 900 people fled from Rafah to Khan Yunis.\"}}";

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string key, string? json = null,
        string? accept = null, string? acceptEncoding = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return await http.SendAsync(request);
    }
}
