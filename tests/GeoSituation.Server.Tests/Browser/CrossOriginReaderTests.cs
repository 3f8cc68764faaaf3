using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GeoSituation.Server.Tests.Robustness;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GeoSituation.Server.Tests.Browser;

/// <summary>
/// A dashboard on another origin (a second loopback port) reads closed data with a reader key: MapLibre sends it with
/// every tile request (transformRequest), fetch sends it with a GeoJSON request; CORS lets Authorization through.
/// </summary>
public sealed class CrossOriginReaderTests(ProcessDataFolder folder) : IClassFixture<ProcessDataFolder>
{
    private const string MainKey = "cross-origin-main-key-5b8e21";
    private const string ReaderKey = "cross-origin-reader-key-93d7af";

    [Fact]
    public async Task A_page_on_another_origin_reads_closed_tiles_and_geojson_with_a_reader_key()
    {
        await using var server = await KillableServer.StartAsync(folder.Path, MainKey, new Dictionary<string, string>
        {
            ["GEOSITUATION_READS"] = "key",
            ["GEOSITUATION_API_KEYS"] = $"reader:{ReaderKey}",
            ["GEOSITUATION_SEEDS"] = Path.Combine(ServerProcess.RepositoryRoot, "seeds"),
        });
        var dataOrigin = server.BaseAddress.ToString().TrimEnd('/');
        await WaitForPlacesAsync(server.Http);

        await using var page = await StartPageServerAsync(dataOrigin);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--enable-unsafe-swiftshader", "--use-angle=swiftshader", "--disable-background-networking"],
        });

        var withKey = await ReadAsync(browser, page.Origin + "/?key=" + ReaderKey);
        Assert.True(withKey.GetProperty("geojson").GetInt32() > 0, withKey.ToString());
        Assert.True(withKey.GetProperty("tileFeatures").GetInt32() > 0, withKey.ToString());

        // The control: the same page without the key reads nothing (401s), so the key is what opened the data.
        var withoutKey = await ReadAsync(browser, page.Origin + "/?key=");
        Assert.Equal(401, withoutKey.GetProperty("geojsonStatus").GetInt32());
        Assert.Equal(0, withoutKey.GetProperty("tileFeatures").GetInt32());
    }

    private static async Task<JsonElement> ReadAsync(IBrowser browser, string url)
    {
        var context = await browser.NewContextAsync();
        var tab = await context.NewPageAsync();
        await tab.GotoAsync(url);
        await tab.WaitForFunctionAsync("() => window.result !== undefined", null, new() { Timeout = 90_000 });
        var json = await tab.EvaluateAsync<string>("() => JSON.stringify(window.result)");
        await context.CloseAsync();
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    private static async Task WaitForPlacesAsync(HttpClient http)
    {
        for (var i = 0; i < 300; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/collections/places/items?limit=1");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ReaderKey);
            using var response = await http.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.OK
                && JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("numberMatched").GetInt64() > 0) return;
            await Task.Delay(200);
        }
        throw new TimeoutException("The seed was not ingested.");
    }

    /// <summary>The dashboard's own origin: its page and MapLibre (a script tag cannot send a key to the data server).</summary>
    private static async Task<PageServer> StartPageServerAsync(string dataOrigin)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var vendor = Path.Combine(ServerProcess.RepositoryRoot, "src", "GeoSituation.Server", "wwwroot", "vendor", "maplibre-gl");
        app.MapGet("/maplibre-gl.js", () => Results.File(Path.Combine(vendor, "maplibre-gl.js"), "text/javascript"));
        app.MapGet("/maplibre-gl.css", () => Results.File(Path.Combine(vendor, "maplibre-gl.css"), "text/css"));
        app.MapGet("/", () => Results.Content(Page(dataOrigin), "text/html"));
        await app.StartAsync();
        var origin = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new PageServer(app, origin);
    }

    private static string Page(string data) => $$"""
        <!doctype html>
        <html><head><meta charset="utf-8"><link rel="stylesheet" href="/maplibre-gl.css"><script src="/maplibre-gl.js"></script></head>
        <body style="margin:0"><div id="map" style="width:512px;height:512px"></div>
        <script>
        const key = new URLSearchParams(location.search).get('key');
        const auth = key ? { Authorization: 'Bearer ' + key } : {};
        const data = '{{data}}';
        (async () => {
          try {
          const response = await fetch(data + '/collections/places/items?limit=100', { headers: auth });
          const geojson = response.ok ? (await response.json()).features.length : 0;
          const map = new maplibregl.Map({
            container: 'map', center: [34.4, 31.4], zoom: 7,
            style: { version: 8, sources: { places: { type: 'vector', tiles: [data + '/tiles/places/{z}/{x}/{y}.pbf'], minzoom: 0, maxzoom: 14 } },
                     layers: [{ id: 'places', type: 'circle', source: 'places', 'source-layer': 'places' }] },
            transformRequest: (url) => url.startsWith(data) ? { url, headers: auth } : { url },
          });
          const done = () => { window.result = { geojson, geojsonStatus: response.status,
            tileFeatures: map.querySourceFeatures('places', { sourceLayer: 'places' }).length }; };
          map.once('idle', done);
          map.on('error', () => setTimeout(done, 2000));
          } catch (e) { window.result = { error: String(e), geojson: 0, geojsonStatus: 0, tileFeatures: 0 }; }
        })();
        </script></body></html>
        """;

    private sealed class PageServer(WebApplication app, string origin) : IAsyncDisposable
    {
        public string Origin { get; } = origin;

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
