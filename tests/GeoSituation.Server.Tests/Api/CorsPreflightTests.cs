using System.Net;

namespace GeoSituation.Server.Tests.Api;

/// <summary>What a browser on another origin is told before it reads: Authorization may be sent, GET and HEAD work.</summary>
[Collection(ServerCollection.Name)]
public sealed class CorsPreflightTests(ServerFixture server)
{
    [Theory]
    [InlineData("/collections/places/items")]
    [InlineData("/tiles/places/0/0/0.pbf")]
    [InlineData("/tiles/places")]
    public async Task A_preflight_allows_authorization_and_only_the_methods_that_work(string path)
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, path);
        preflight.Headers.Add("Origin", "http://127.0.0.1:1");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization");
        using var response = await server.Http.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Contains("authorization", response.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
        var methods = response.Headers.GetValues("Access-Control-Allow-Methods").Single().Split(',', StringSplitOptions.TrimEntries);
        Assert.Equal(["GET", "HEAD"], methods.Order(StringComparer.Ordinal));
        foreach (var method in methods)
        {
            using var real = new HttpRequestMessage(new HttpMethod(method), path);
            real.Headers.Add("Origin", "http://127.0.0.1:1");
            using var answer = await server.Http.SendAsync(real);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal("*", answer.Headers.GetValues("Access-Control-Allow-Origin").Single());
        }
    }
}
