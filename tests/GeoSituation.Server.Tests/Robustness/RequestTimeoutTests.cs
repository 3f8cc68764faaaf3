using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace GeoSituation.Server.Tests.Robustness;

/// <summary>
/// The request timeout on analysis: a text that takes longer than the timeout answers 503 problem+json with
/// Retry-After, and the log says so in one line, without the cancellation's stack trace.
/// </summary>
public sealed class RequestTimeoutTests(ProcessDataFolder folder) : IClassFixture<ProcessDataFolder>
{
    private const string Key = "timeout-test-key-3f9a1c7e20b4d615";

    [Fact]
    public async Task An_analysis_longer_than_the_timeout_is_a_503_problem_and_one_log_line_without_a_stack_trace()
    {
        await using var server = await KillableServer.StartAsync(folder.Path, Key, new Dictionary<string, string>
        {
            ["GEOSITUATION_REQUEST_TIMEOUT_SECONDS"] = "1",
            ["GEOSITUATION_MAX_ARTICLE_BYTES"] = (8 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        // Capitalised words without end: the costliest shape per KB for the geoparser (bench SCALING.md), ~4 MB.
        var text = new StringBuilder();
        for (var i = 0; text.Length < 4_000_000; i++) text.Append("Rafah Khan Younis Deir Balah Gaza Cairo Nuseirat ").Append(i % 10).Append(' ');
        using var request = new HttpRequestMessage(HttpMethod.Post, "/analyze")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { text = text.ToString() }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        using var response = await server.Http.SendAsync(request, cancel.Token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(response.Headers.RetryAfter?.ToString() ?? "");
        Assert.Contains("timed out", await response.Content.ReadAsStringAsync(cancel.Token), StringComparison.OrdinalIgnoreCase);

        var log = "";
        for (var i = 0; i < 50 && !log.Contains("timed out after", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100, cancel.Token);
            log = server.Output;
        }
        Assert.Contains("/analyze: timed out after 1 s", log);
        Assert.DoesNotContain("   at ", log);
    }
}
