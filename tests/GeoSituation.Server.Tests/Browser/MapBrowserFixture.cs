using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace GeoSituation.Server.Tests.Browser;

/// <summary>One real server with the seed ingested and one Debian chromium, shared by the browser tests.</summary>
public sealed class MapBrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    internal ServerProcess Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Every URL any page asked for, to prove nothing left the machine.</summary>
    public ConcurrentQueue<string> RequestedUrls { get; } = new();

    public Uri BaseAddress => Server.BaseAddress;

    public async Task InitializeAsync()
    {
        Server = await ServerProcess.StartAsync();
        playwright = await Playwright.CreateAsync();
        // Debian's chromium: `playwright install` cannot download browsers here. SwiftShader gives
        // MapLibre the WebGL2 it needs without a GPU.
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--enable-unsafe-swiftshader",
                "--use-angle=swiftshader", "--disable-background-networking",
            ],
        });
    }

    /// <summary>A fresh page whose every request is recorded; requests off the loopback are refused.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        await context.RouteAsync("**/*", async route =>
        {
            var url = route.Request.Url;
            RequestedUrls.Enqueue(url);
            if (IsLocal(url)) await route.ContinueAsync();
            else await route.AbortAsync();
        });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error") ConsoleErrors.Enqueue(message.Text);
        };
        return page;
    }

    public ConcurrentQueue<string> ConsoleErrors { get; } = new();

    internal static bool IsLocal(string url)
    {
        var uri = new Uri(url);
        return uri.Scheme is "data" or "blob" || (uri.Scheme is "http" or "https" && uri.Host == "127.0.0.1");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class MapBrowserCollection : ICollectionFixture<MapBrowserFixture>
{
    public const string Name = "Map in a real browser";
}
