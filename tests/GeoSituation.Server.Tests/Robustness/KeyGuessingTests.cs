using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace GeoSituation.Server.Tests.Robustness;

/// <summary>
/// Issue 13, point 5: the write limiter's bucket was keyed on the token presented, valid or not, so each random
/// guess got a fresh bucket (28,292 guesses in 4 s, no 429). Now wrong keys are counted per client address, the
/// forwarded address counts only from a trusted proxy, and short keys stop the start.
/// </summary>
public sealed class KeyGuessingTests(ProcessDataFolder folder) : IClassFixture<ProcessDataFolder>
{
    private const string MainKey = "guessing-main-key-3c9e51-b07a";

    [Fact]
    public async Task A_burst_of_random_key_guesses_meets_429_with_retry_after_whatever_x_forwarded_for_says()
    {
        await using var server = await KillableServer.StartAsync(folder.Path, MainKey);
        // Each guess claims another client address: with no trusted proxy configured, the header must not matter.
        var statuses = await GuessAsync(server.Http, 300, i => $"198.51.100.{i % 250}");
        Assert.True(statuses.Unauthorized <= 30, $"{statuses.Unauthorized} guesses were checked (401); the throttle allows {20} then one per 3 s");
        Assert.True(statuses.TooMany >= 250, $"only {statuses.TooMany} of 300 guesses got 429");
        Assert.True(statuses.Other == 0, $"{statuses.Other} guesses got something else");
        Assert.True(statuses.AllRetryAfter, "every 429 carries Retry-After and problem+json");

        // The refill is slow: a second burst right after is refused almost whole.
        var again = await GuessAsync(server.Http, 30, i => $"192.0.2.{i}");
        Assert.True(again.TooMany >= 25, $"only {again.TooMany} of 30 further guesses got 429");
        // Reads that need no key are untouched.
        using var read = await server.Http.GetAsync("/collections");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_has_its_own_count()
    {
        await using var server = await KillableServer.StartAsync(folder.Path, MainKey,
            new Dictionary<string, string> { ["GEOSITUATION_TRUSTED_PROXIES"] = "127.0.0.1, ::1" });
        // Ten clients behind the proxy, two wrong keys each: nobody is throttled.
        var spread = await GuessAsync(server.Http, 20, i => $"203.0.113.{i % 10}");
        Assert.Equal(20, spread.Unauthorized);
        // One client guessing hard is throttled, and only that client.
        var one = await GuessAsync(server.Http, 60, _ => "203.0.113.200");
        Assert.True(one.TooMany >= 30, $"{one.TooMany} of 60 guesses from one forwarded client got 429");
        using var other = await PostAsync(server.Http, MainKey, "203.0.113.201", Article("from another client"));
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
    }

    [Theory]
    [InlineData("GEOSITUATION_API_KEY", "short-key-123")]
    [InlineData("GEOSITUATION_API_KEY", "0123456789abcdef0123456789abcde")]
    [InlineData("GEOSITUATION_API_KEYS", "reader:only-sixteen-char")]
    public void A_key_shorter_than_128_bits_stops_the_start_with_a_message_naming_the_setting(string setting, string value)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => ServerApp.Build([$"--{setting}={value}", "--GEOSITUATION_DB=Host=/nonexistent"]));
        Assert.StartsWith(setting, refused.Message, StringComparison.Ordinal);
        Assert.Contains("128 bits", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value.Split(':')[^1], refused.Message, StringComparison.Ordinal);
    }

    private static async Task<(int Unauthorized, int TooMany, int Other, bool AllRetryAfter)> GuessAsync(HttpClient http, int count, Func<int, string> forwardedFor)
    {
        var statuses = new ConcurrentBag<(HttpStatusCode, bool)>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = deadline.Token }, async (i, ct) =>
        {
            var guess = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
            using var response = await PostAsync(http, guess, forwardedFor(i), Article($"guess {i}"), ct);
            statuses.Add((response.StatusCode, response.Headers.RetryAfter is not null && response.Content.Headers.ContentType?.MediaType == "application/problem+json"));
        });
        var tooMany = statuses.Where(s => s.Item1 == HttpStatusCode.TooManyRequests).ToList();
        var unauthorized = statuses.Count(s => s.Item1 == HttpStatusCode.Unauthorized);
        return (unauthorized, tooMany.Count, statuses.Count - unauthorized - tooMany.Count, tooMany.All(s => s.Item2));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string key, string? forwardedFor, string? body = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/articles")
        {
            Content = new StringContent(body ?? Article("right key"), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await http.SendAsync(request, cancellationToken);
    }

    private static string Article(string title) =>
        System.Text.Json.JsonSerializer.Serialize(new { title, text = "Thousands fled Khan Younis for Rafah.", published = "2024-02-10" });
}
