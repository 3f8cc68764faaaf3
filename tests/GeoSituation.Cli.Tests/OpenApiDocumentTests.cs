using System.Text.Json;
using GeoSituation.Cli.Tests.Infrastructure;

namespace GeoSituation.Cli.Tests;

/// <summary>The OpenAPI document the landing page links as service-desc describes every operation with its errors.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class OpenApiDocumentTests(DatabaseFixture database)
{
    [Fact]
    public async Task Every_operation_has_a_summary_and_problem_json_errors()
    {
        await using var server = await ServeProcess.StartAsync(database.ConnectionString);
        using var landing = JsonDocument.Parse(await server.Http.GetStringAsync("/?f=json"));
        var serviceDesc = landing.RootElement.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("rel").GetString() == "service-desc");
        var path = new Uri(serviceDesc.GetProperty("href").GetString()!).PathAndQuery;
        Assert.Equal("/openapi/v1.json", path);

        using var document = JsonDocument.Parse(await server.Http.GetStringAsync(path));
        Assert.StartsWith("3.0", document.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var operations = 0;
        foreach (var route in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            Assert.DoesNotContain("/docs", route.Name, StringComparison.Ordinal);
            foreach (var operation in route.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete"))
            {
                operations++;
                var where = $"{operation.Name.ToUpperInvariant()} {route.Name}";
                Assert.False(string.IsNullOrWhiteSpace(operation.Value.TryGetProperty("summary", out var s) ? s.GetString() : null), $"{where} has a summary");
                var responses = operation.Value.GetProperty("responses");
                foreach (var status in new[] { "400", "503" })
                {
                    Assert.True(responses.TryGetProperty(status, out var error), $"{where} documents {status}");
                    Assert.True(error.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{where} {status} is problem+json");
                }
                if (route.Name.Contains('{', StringComparison.Ordinal)) Assert.True(responses.TryGetProperty("404", out _), $"{where} documents 404");
            }
        }
        Assert.True(operations >= 15, $"{operations} operations");
        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty("/articles", out var articles) && articles.TryGetProperty("post", out var post)
            && post.GetProperty("responses").TryGetProperty("401", out _), "POST /articles documents 401");
    }
}
