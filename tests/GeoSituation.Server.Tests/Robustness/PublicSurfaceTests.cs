using System.Net;
using System.Net.Http.Headers;

namespace GeoSituation.Server.Tests.Robustness;

/// <summary>
/// Issue 13, point 9: the Host header was reflected into style.json, TileJSON and OGC links (cache poisoning behind
/// a shared cache); Kestrel's own 414/431 had empty bodies; /metrics could not be closed on its own.
/// </summary>
public sealed class PublicSurfaceTests(ProcessDataFolder folder) : IClassFixture<ProcessDataFolder>
{
    private const string Key = "public-surface-key-6d1e0a-93f2";
    private const string PublicUrl = "https://maps.example.org/situation";

    [Fact]
    public async Task Links_use_the_public_url_whatever_the_host_header_metrics_can_be_closed_and_size_limits_answer_problem_json()
    {
        await using var server = await KillableServer.StartAsync(folder.Path, Key, new Dictionary<string, string>
        {
            ["GEOSITUATION_PUBLIC_URL"] = PublicUrl + "/",
            ["GEOSITUATION_METRICS"] = "key",
        });
        var http = server.Http;

        foreach (var path in new[] { "/style.json", "/tiles/places", "/collections?f=json", "/collections/places/items?limit=1" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Host = "evil.example";
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
            Assert.DoesNotContain("evil.example", body, StringComparison.Ordinal);
            Assert.Contains(PublicUrl + "/", body, StringComparison.Ordinal);
        }

        // /metrics needs a key while other reads stay public.
        using (var closed = await http.GetAsync("/metrics"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, closed.StatusCode);
        }
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/metrics"))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
            using var open = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        }
        using (var read = await http.GetAsync("/collections"))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        // Too long a URL, too many header bytes: problem+json from the server, not Kestrel's empty answer.
        using (var longUrl = await http.GetAsync("/collections/places/items?bbox=" + new string('1', 10_000)))
        {
            Assert.Equal(HttpStatusCode.RequestUriTooLong, longUrl.StatusCode);
            Assert.Equal("application/problem+json", longUrl.Content.Headers.ContentType?.MediaType);
        }
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/collections"))
        {
            request.Headers.Add("X-Padding", new string('a', 40_000));
            using var bigHeaders = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, bigHeaders.StatusCode);
            Assert.Equal("application/problem+json", bigHeaders.Content.Headers.ContentType?.MediaType);
        }
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/collections"))
        {
            for (var i = 0; i < 120; i++) request.Headers.Add($"X-Many-{i}", "1");
            using var manyHeaders = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, manyHeaders.StatusCode);
            Assert.Equal("application/problem+json", manyHeaders.Content.Headers.ContentType?.MediaType);
        }
    }
}
