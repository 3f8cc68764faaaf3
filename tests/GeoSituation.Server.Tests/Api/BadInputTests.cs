using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace GeoSituation.Server.Tests.Api;

/// <summary>Bad input gets a clear 4xx application/problem+json, never a 500, and the server stays healthy.</summary>
[Collection(ServerCollection.Name)]
public sealed class BadInputTests(ServerFixture server)
{
    public static TheoryData<string, int> BadGets => new()
    {
        { "/collections/nope", 404 },
        { "/collections/nope/items", 404 },
        { "/collections/places/items?bbox=1,2,3", 400 },
        { "/collections/places/items?bbox=10,10,5,5", 400 },
        { "/collections/places/items?bbox=-200,0,0,10", 400 },
        { "/collections/places/items?bbox=NaN,0,1,1", 400 },
        { "/collections/places/items?bbox=1e400,0,1,1", 400 },
        { "/collections/places/items?limit=0", 400 },
        { "/collections/places/items?limit=-5", 400 },
        { "/collections/places/items?limit=abc", 400 },
        { "/collections/places/items?datetime=yesterday", 400 },
        { "/collections/places/items?datetime=2024-02-30", 400 },
        { "/collections/places/items?datetime=2024-03-01/2024-02-01", 400 },
        { "/collections/places/items?after=1;DROP%20TABLE%20places", 400 },
        { "/collections/places/items?name%27%3B--=x", 400 },
        { "/collections/places/items?limit=1&limit=2", 400 },
        { "/collections/places/items/abc", 404 },
        { "/collections/places/items/999999999999", 404 },
        { "/collections/%27%20OR%201%3D1--/items", 404 },
        { "/tiles/places/23/0/0", 400 },
        { "/tiles/places/-1/0/0", 400 },
        { "/tiles/places/1/2/0", 400 },
        { "/tiles/places/1/0/2.mvt", 400 },
        { "/tiles/places/8/152/104.jpg", 400 },
        { "/tiles/places/99999999999999999999/0/0", 400 },
        { "/tiles/nope/0/0/0", 404 },
        { "/tiles/places,places/0/0/0", 404 },
        { "/tiles/places/0/0/0?datetime=bad", 400 },
        { "/tiles/nope", 404 },
        { "/articles?limit=0", 400 },
        { "/articles?offset=-1", 400 },
        { "/articles/abc", 404 },
        { "/articles/999999999", 404 },
        { "/no/such/route", 404 },
    };

    [Theory]
    [MemberData(nameof(BadGets))]
    public async Task Bad_reads_are_problem_json(string path, int status)
    {
        using var response = await server.Http.GetAsync(path);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain("SELECT", body, StringComparison.OrdinalIgnoreCase);
    }

    public static TheoryData<string, string, byte[], int> BadPosts => new()
    {
        { "application/json", "bearer", Encoding.UTF8.GetBytes("{\"title\":\"t\",\"text\":"), 400 },
        { "application/json", "bearer", Encoding.UTF8.GetBytes("[1,2,3]"), 400 },
        { "application/json", "bearer", Encoding.UTF8.GetBytes("{\"text\":42}"), 400 },
        { "application/json", "bearer", Encoding.UTF8.GetBytes("{\"text\":\"\"}"), 400 },
        { "application/json", "bearer", Encoding.UTF8.GetBytes("{\"text\":\"Rafah\",\"published\":\"not a date\"}"), 400 },
        { "application/json", "bearer", Encoding.UTF8.GetBytes("{\"text\":\"Rafah\u0000\"}"), 400 },
        { "application/json", "bearer", [0x7B, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D], 400 },
        { "text/plain", "bearer", [0xFF, 0xFE, 0x41], 400 },
        { "text/plain", "bearer", Encoding.UTF8.GetBytes("   "), 400 },
        { "application/xml", "bearer", Encoding.UTF8.GetBytes("<a/>"), 415 },
        { "application/json", "none", Encoding.UTF8.GetBytes("{\"text\":\"Rafah\"}"), 401 },
        { "application/json", "wrong", Encoding.UTF8.GetBytes("{\"text\":\"Rafah\"}"), 401 },
        { "text/plain", "bearer", Encoding.UTF8.GetBytes(new string('a', 2 * 1024 * 1024)), 413 },
    };

    [Theory]
    [MemberData(nameof(BadPosts))]
    public async Task Bad_writes_are_problem_json(string contentType, string auth, byte[] body, int status)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/articles") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (auth == "bearer") request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ServerFixture.ApiKey);
        if (auth == "wrong") request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ServerFixture.ApiKey + "x");
        // As curl does for large bodies: wait for the server's go-ahead, so a refused body (413) is not
        // written into a connection the server has already answered and closed (a broken pipe, not a 413).
        request.Headers.ExpectContinue = true;
        using var response = await server.Http.SendAsync(request);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (status == 401) Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
        using var health = await server.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
