using Microsoft.Playwright;

namespace GeoSituation.Server.Tests.Browser;

/// <summary>/docs: the interactive API reference renders our OpenAPI document in chromium, offline and within the CSP.</summary>
[Collection(MapBrowserCollection.Name)]
public sealed class ApiReferenceBrowserTests(MapBrowserFixture fixture)
{
    [Fact]
    public async Task Docs_render_the_endpoints_from_this_server_only_without_csp_violations()
    {
        var page = await fixture.NewPageAsync();
        var requests = new List<string>();
        var problems = new List<string>();
        page.Request += (_, request) => { lock (requests) requests.Add(request.Url); };
        page.Console += (_, message) => { if (message.Type == "error") lock (problems) problems.Add(message.Text); };
        page.PageError += (_, error) => { lock (problems) problems.Add(error); };

        var response = await page.GotoAsync(new Uri(fixture.BaseAddress, "/docs").ToString());
        Assert.Equal(200, response!.Status);
        Assert.Contains("script-src 'self'", response.Headers["content-security-policy"], StringComparison.Ordinal);

        // Scalar draws one section per operation from /openapi/v1.json; the items endpoint's summary shows it read ours.
        try
        {
            // The title and description come from our document; the Features group opens to list the items endpoint.
            await page.GetByText("OGC API - Features, vector tiles and article ingest", new() { Exact = false }).First.WaitForAsync(new() { Timeout = 60000 });
            await page.GetByRole(AriaRole.Button, new() { Name = "Features", Exact = true }).Or(page.GetByText("Features", new() { Exact = true })).First.ClickAsync();
            await page.GetByText("Features as GeoJSON", new() { Exact = false }).First.WaitForAsync(new() { Timeout = 30000 });
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(ServerProcess.ArtifactsDirectory, "docs-failed.png") });
            lock (problems) lock (requests) Assert.Fail($"/docs did not render.\nErrors: {string.Join("\n", problems)}\nRequests: {string.Join("\n", requests)}");
        }
        await page.ScreenshotAsync(new() { Path = Path.Combine(ServerProcess.ArtifactsDirectory, "docs.png") });

        lock (requests)
        {
            Assert.Contains(requests, u => u.EndsWith("/openapi/v1.json", StringComparison.Ordinal));
            Assert.Contains(requests, u => u.EndsWith("/docs/assets/scalar.js", StringComparison.Ordinal));
            Assert.All(requests, u => Assert.True(MapBrowserFixture.IsLocal(u), $"/docs asked for {u}"));
        }
        lock (problems)
        {
            Assert.DoesNotContain(problems, p => p.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        }
    }
}
