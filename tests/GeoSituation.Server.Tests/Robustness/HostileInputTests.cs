using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using GeoSituation.Server.Tests.Api;

namespace GeoSituation.Server.Tests.Robustness;

/// <summary>
/// Every endpoint the server describes in its OpenAPI document, attacked with broken and hostile input in every
/// path segment, every known query parameter, the write bodies and the headers: the answer is always a 4xx
/// application/problem+json (or an ordinary success), never a 5xx, never internals; the server stays healthy.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed partial class HostileInputTests(ServerFixture server)
{
    private static readonly TimeSpan SuiteBudget = TimeSpan.FromMinutes(5);

    // Values that make a path valid, so that query parameters and bodies reach the handler.
    private static readonly Dictionary<string, string> ValidSegments = new(StringComparer.OrdinalIgnoreCase)
    {
        ["collectionId"] = "places", ["featureId"] = "1", ["layer"] = "places", ["z"] = "0", ["x"] = "0", ["y"] = "0",
        ["id"] = "1", ["fontstack"] = "Noto Sans Regular", ["range"] = "0-255", ["documentName"] = "v1",
    };

    [Fact]
    public async Task Every_endpoint_answers_hostile_paths_and_parameters_with_4xx_problem_json_and_never_5xx()
    {
        var templates = await EndpointTemplatesAsync();
        Assert.Contains("/collections/{collectionId}/items", templates);
        Assert.Contains("/tiles/{layer}/{z}/{x}/{y}", templates);

        var urls = new List<string>();
        var values = HostileInput.Values.Select(Uri.EscapeDataString).Concat(HostileInput.RawEncoded).ToArray();
        foreach (var template in templates)
        {
            var parameters = PathParameter().Matches(template).Select(m => m.Groups[1].Value).Distinct().ToList();
            foreach (var parameter in parameters)
            {
                foreach (var value in values) urls.Add(Fill(template, parameter, value));
            }
            var valid = Fill(template, null, null);
            foreach (var name in HostileInput.Parameters)
            {
                foreach (var value in values) urls.Add($"{valid}?{Uri.EscapeDataString(name)}={value}");
            }
            urls.Add(valid + "?limit=1&limit=2&bbox=1,2,3,4&bbox=5,6,7,8");
        }
        // Tile coordinates: negative, beyond 2^z, beyond any zoom, absurdly long.
        foreach (var (z, x, y) in new[] { ("-1", "0", "0"), ("0", "-1", "0"), ("0", "0", "-1"), ("1", "2", "0"), ("1", "0", "2"), ("23", "0", "0"), ("30", "1073741824", "0"), ("4294967296", "0", "0"), ("8", "152", "104.png"), ("8", "152", "104.mvt.mvt"), ("8", "1e2", "104"), ("08", "0152", "0104") })
        {
            urls.Add($"/tiles/places/{z}/{x}/{y}");
            urls.Add($"/tiles/places,displacement/{z}/{x}/{y}.pbf");
        }

        var failures = await SendAllAsync(urls.Select(u => (Func<HttpRequestMessage>)(() => new HttpRequestMessage(HttpMethod.Get, u))));
        Assert.True(failures.IsEmpty, $"{failures.Count} of {urls.Count} hostile GETs misanswered, e.g.:\n{string.Join("\n", failures.Take(60))}");
        await AssertHealthyAsync();
    }

    [Fact]
    public async Task Write_endpoints_refuse_every_broken_body_with_4xx_problem_json()
    {
        var requests = new List<Func<HttpRequestMessage>>();
        foreach (var path in new[] { "/articles", "/analyze" })
        {
            foreach (var (name, contentType, body) in HostileInput.Bodies())
            {
                requests.Add(() =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
                    request.Content.Headers.ContentType = null;
                    if (contentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ServerFixture.ApiKey);
                    request.Options.Set(Label, name);
                    return request;
                });
            }
        }
        var failures = await SendAllAsync(requests, expectClientError: true);
        Assert.True(failures.IsEmpty, $"{failures.Count} broken bodies misanswered:\n{string.Join("\n", failures)}");
        await AssertHealthyAsync();
    }

    [Theory]
    [InlineData("/articles", "application/json")]
    [InlineData("/articles", "text/plain")]
    [InlineData("/analyze", "application/json")]
    public async Task A_10_MB_body_is_refused_with_413_problem_json_before_it_is_read(string path, string contentType)
    {
        // Over a raw socket: the server answers as soon as it sees Content-Length and stops reading, so an HTTP
        // client still writing the 10 MB would only see a broken pipe instead of the answer.
        var (status, headers, _) = await RawPostAsync(path, contentType, declaredLength: 10 * 1024 * 1024, sentBytes: 64 * 1024, chunked: false);
        Assert.Equal(413, status);
        Assert.Contains("application/problem+json", headers, StringComparison.OrdinalIgnoreCase);
        // Chunked (no Content-Length): refused once the limit is crossed while reading.
        (status, headers, _) = await RawPostAsync(path, contentType, declaredLength: 0, sentBytes: 3 * 1024 * 1024, chunked: true);
        Assert.Equal(413, status);
        Assert.Contains("application/problem+json", headers, StringComparison.OrdinalIgnoreCase);
        await AssertHealthyAsync();
    }

    private async Task<(int Status, string Headers, string Body)> RawPostAsync(string path, string contentType, long declaredLength, int sentBytes, bool chunked)
    {
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(server.BaseAddress.Host, server.BaseAddress.Port);
        var stream = client.GetStream();
        var head = $"POST {path} HTTP/1.1\r\nHost: {server.BaseAddress.Authority}\r\nAuthorization: Bearer {ServerFixture.ApiKey}\r\n" +
                   $"Content-Type: {contentType}\r\n" + (chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {declaredLength}\r\n") + "Connection: close\r\n\r\n";
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head));
        var chunk = System.Text.Encoding.ASCII.GetBytes(new string('a', 16 * 1024));
        try
        {
            for (var sent = 0; sent < sentBytes; sent += chunk.Length)
            {
                if (chunked) await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"{chunk.Length:X}\r\n"));
                await stream.WriteAsync(chunk);
                if (chunked) await stream.WriteAsync("\r\n"u8.ToArray());
            }
        }
        catch (IOException)
        {
            // The server answered and closed while we were still sending: the answer is waiting to be read.
        }
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var response = await reader.ReadToEndAsync(timeout.Token);
        var split = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var statusLine = response.Split("\r\n")[0];
        return (int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), split < 0 ? response : response[..split], split < 0 ? "" : response[(split + 4)..]);
    }

    [Fact]
    public async Task Writes_without_a_valid_key_are_401_with_a_challenge_on_every_route_and_method()
    {
        var templates = await EndpointTemplatesAsync();
        var requests = new List<Func<HttpRequestMessage>>();
        foreach (var template in templates.Append("/no/such/route"))
        {
            foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch })
            {
                foreach (var key in new[] { null, "", "wrong-key", ServerFixture.ApiKey + " x", ServerFixture.ApiKey[..^1], new string('k', 6000) })
                {
                    var url = Fill(template, null, null);
                    requests.Add(() =>
                    {
                        var request = new HttpRequestMessage(method, url) { Content = new StringContent("{\"text\":\"Rafah\"}", System.Text.Encoding.UTF8, "application/json") };
                        if (key is not null) request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + key);
                        return request;
                    });
                }
            }
        }
        var wrong = new ConcurrentBag<string>();
        await ForEachAsync(requests, async make =>
        {
            using var request = make();
            var what = $"{request.Method} {request.RequestUri}";
            using var response = await server.Http.SendAsync(request);
            var type = response.Content.Headers.ContentType?.MediaType;
            if (response.StatusCode != HttpStatusCode.Unauthorized || type != "application/problem+json"
                || !response.Headers.WwwAuthenticate.ToString().Contains("Bearer", StringComparison.Ordinal))
            {
                wrong.Add($"{what} -> {(int)response.StatusCode} {type} [{response.Headers.WwwAuthenticate}]");
            }
        });
        Assert.True(wrong.IsEmpty, string.Join("\n", wrong.Take(20)));

        // With the key, a method a route does not have is a 405 problem, not a 500.
        var failures = await SendAllAsync(templates.Where(t => !t.StartsWith("/articles", StringComparison.Ordinal) && t != "/analyze")
            .Select(t => (Func<HttpRequestMessage>)(() =>
            {
                var request = new HttpRequestMessage(HttpMethod.Delete, Fill(t, null, null));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ServerFixture.ApiKey);
                return request;
            })), expectClientError: true);
        Assert.True(failures.IsEmpty, string.Join("\n", failures));
        await AssertHealthyAsync();
    }

    [Fact]
    public async Task Hostile_headers_are_harmless()
    {
        var requests = new List<Func<HttpRequestMessage>>();
        foreach (var path in new[] { "/", "/collections/places/items", "/tiles/places/0/0/0", "/articles", "/search?q=Rafah", "/healthz" })
        {
            foreach (var (name, value) in new[]
            {
                ("Accept", "*/*;q=NaN, text/html;q=1e999, application/json;q=-1"),
                ("Accept", new string(',', 4000)),
                ("If-None-Match", "\"" + new string('x', 4000)),
                ("If-None-Match", "*"),
                ("Accept-Encoding", "br;q=2, gzip;q=-1, zstd, identity;q=0"),
                ("Range", "bytes=999999999-1"),
                ("Authorization", "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("admin:admin"))),
                ("Authorization", "Bearer " + new string('k', 7000)),
                ("Origin", "http://evil.example"),
                ("Content-Type", "application/json; charset=\"\\\""),
            })
            {
                requests.Add(() =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Get, path);
                    request.Headers.TryAddWithoutValidation(name, value);
                    return request;
                });
            }
        }
        var failures = await SendAllAsync(requests);
        Assert.True(failures.IsEmpty, string.Join("\n", failures));
        await AssertHealthyAsync();
    }

    private static readonly HttpRequestOptionsKey<string> Label = new("label");

    /// <summary>Sends every request (8 at a time) and lists the misanswered ones: 5xx, an error that is not problem+json, internals in the body.</summary>
    private async Task<ConcurrentBag<string>> SendAllAsync(IEnumerable<Func<HttpRequestMessage>> requests, bool expectClientError = false)
    {
        var failures = new ConcurrentBag<string>();
        await ForEachAsync(requests, async make =>
        {
            using var request = make();
            var what = $"{request.Method} {Shorten(request.RequestUri?.ToString() ?? "")}" + (request.Options.TryGetValue(Label, out var label) ? $" ({label})" : "");
            using var response = await server.Http.SendAsync(request);
            var status = (int)response.StatusCode;
            var type = response.Content.Headers.ContentType?.MediaType;
            var body = await response.Content.ReadAsStringAsync();
            if (status >= 500) failures.Add($"{what} -> {status} {Shorten(body)}");
            else if (expectClientError && status < 400) failures.Add($"{what} -> {status} (expected a 4xx)");
            else if (status >= 400 && type != "application/problem+json" && !RefusedByKestrel(request, status, body)) failures.Add($"{what} -> {status} {type}");
            else if (status >= 400 ? LeaksInternals(body) : LeaksSecrets(body)) failures.Add($"{what} -> {status} leaks internals: {Shorten(body)}");
        });
        return failures;
    }

    /// <summary>
    /// Kestrel refuses a path with an encoded NUL itself, with an empty 400, before any application code runs;
    /// there is no hook to make that answer problem+json. Everything else must be.
    /// </summary>
    private static bool RefusedByKestrel(HttpRequestMessage request, int status, string body) =>
        status == 400 && body.Length == 0 && request.RequestUri!.OriginalString.Split('?')[0].Contains("%00", StringComparison.Ordinal);

    private bool LeaksSecrets(string body) =>
        body.Contains("   at ", StringComparison.Ordinal) || body.Contains(server.DataFolder, StringComparison.Ordinal)
        || body.Contains(ServerFixture.ApiKey, StringComparison.Ordinal) || body.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    // Error answers also must not show exceptions or the SQL that failed (success pages such as /embed/doc may quote SQL examples).
    private bool LeaksInternals(string body) =>
        LeaksSecrets(body) || body.Contains("Exception", StringComparison.Ordinal) || body.Contains("Npgsql", StringComparison.Ordinal) || SqlText().IsMatch(body);

    private static async Task ForEachAsync<T>(IEnumerable<T> items, Func<T, Task> action)
    {
        using var budget = new CancellationTokenSource(SuiteBudget);
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = budget.Token }, async (item, _) => await action(item));
    }

    private async Task AssertHealthyAsync()
    {
        using var health = await server.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var items = await server.Http.GetAsync("/collections/places/items?limit=1");
        Assert.Equal(HttpStatusCode.OK, items.StatusCode);
    }

    private async Task<List<string>> EndpointTemplatesAsync()
    {
        var document = await server.GetJsonAsync("/openapi/v1.json");
        return document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Value.TryGetProperty("get", out _) || p.Value.TryGetProperty("post", out _))
            .Select(p => p.Name).ToList();
    }

    /// <summary>The template with <paramref name="parameter"/> set to <paramref name="value"/> and every other parameter valid.</summary>
    private static string Fill(string template, string? parameter, string? value) =>
        PathParameter().Replace(template, m =>
            m.Groups[1].Value == parameter ? value! : ValidSegments.TryGetValue(m.Groups[1].Value, out var valid) ? Uri.EscapeDataString(valid) : "1");

    private static string Shorten(string text) => text.Length > 160 ? text[..160] + "..." : text;

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)(?::[^}]*)?\}")]
    private static partial Regex PathParameter();

    // SQL the server runs (the hostile values themselves may be echoed in a problem's detail, so not "SELECT").
    [GeneratedRegex(@"ST_As\w+|\bFROM (articles|mentions|places|displacement|events)\b|SQLSTATE|\$\d+::")]
    private static partial Regex SqlText();
}
