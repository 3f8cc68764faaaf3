using System.Text.Json;
using Microsoft.Playwright;

namespace GeoSituation.Server.Tests.Browser;

/// <summary>
/// The map page and the embed in Debian's chromium against the real server with the seed ingested.
/// What is on the map is read back through MapLibre's own <c>queryRenderedFeatures</c>.
/// </summary>
[Collection(MapBrowserCollection.Name)]
public sealed class MapPageTests(MapBrowserFixture fixture)
{
    // GeoNames coordinates (lat, lon) of the places the seed article is about.
    private static readonly (double Lat, double Lon) Rafah = (31.29722, 34.24357);
    private static readonly (double Lat, double Lon) KhanYunis = (31.34018, 34.30627);
    private const double NearKm = 5;

    // A view over the south of the Gaza Strip, with Rafah and Khan Yunis on screen.
    private const string SouthGazaView = "#map=10.5/31.33/34.29";

    [Fact]
    public async Task Map_draws_Rafahs_displacement_and_the_Khan_Yunis_event()
    {
        var page = await OpenMapAsync(SouthGazaView);

        var displacement = await RenderedNearAsync(page, "displacement", Rafah);
        Assert.Contains(displacement, f => Number(f, "people") == 1_400_000);
        Assert.NotEmpty(await RenderedNearAsync(page, "events", KhanYunis));

        await page.ScreenshotAsync(new() { Path = Artifact("map.png") });
        AssertEverythingCameFromLoopback();
    }

    [Fact]
    public async Task Unticking_a_layer_hides_it_and_ticking_it_shows_it_again()
    {
        var page = await OpenMapAsync(SouthGazaView);
        Assert.NotEmpty(await RenderedNearAsync(page, "events", KhanYunis));

        await page.Locator("#layer-events").UncheckAsync();
        await WaitForIdleAsync(page);
        Assert.Empty(await RenderedNearAsync(page, "events", KhanYunis));
        Assert.NotEmpty(await RenderedNearAsync(page, "displacement", Rafah));
        Assert.DoesNotContain("events", LayersInHash(page.Url));

        // The hash is the shareable state: the same URL opens with events off.
        var shared = await OpenMapAsync(new Uri(page.Url).Fragment);
        Assert.False(await shared.Locator("#layer-events").IsCheckedAsync());
        Assert.Empty(await RenderedNearAsync(shared, "events", KhanYunis));
        Assert.NotEmpty(await RenderedNearAsync(shared, "displacement", Rafah));

        await page.Locator("#layer-events").CheckAsync();
        await WaitForIdleAsync(page);
        Assert.NotEmpty(await RenderedNearAsync(page, "events", KhanYunis));
        AssertEverythingCameFromLoopback();
    }

    [Fact]
    public async Task Time_slider_before_the_first_report_empties_the_map_and_its_end_brings_it_back()
    {
        var page = await OpenMapAsync(SouthGazaView);
        Assert.NotEmpty(await RenderedNearAsync(page, "displacement", Rafah));

        await SetSliderAsync(page, "0");
        Assert.Empty(await RenderedNearAsync(page, "displacement", Rafah));
        Assert.Empty(await RenderedNearAsync(page, "events", KhanYunis));
        Assert.Contains("t=", page.Url, StringComparison.Ordinal);
        Assert.Contains(fixture.RequestedUrls, u => u.Contains("/tiles/displacement/", StringComparison.Ordinal)
            && u.Contains("datetime=", StringComparison.Ordinal));

        await SetSliderAsync(page, await page.Locator("#time").GetAttributeAsync("max") ?? "0");
        Assert.Contains(await RenderedNearAsync(page, "displacement", Rafah), f => Number(f, "people") == 1_400_000);
        AssertEverythingCameFromLoopback();
    }

    [Fact]
    public async Task Play_steps_the_time_slider_from_the_start_to_the_latest_date_and_stops()
    {
        var page = await OpenMapAsync(SouthGazaView);
        var max = await page.Locator("#time").GetAttributeAsync("max");

        await page.Locator("#play").ClickAsync();
        await Assertions.Expect(page.Locator("#play")).ToHaveAttributeAsync("aria-label", "Pause");
        Assert.NotEqual(max, await page.Locator("#time").InputValueAsync());

        await Assertions.Expect(page.Locator("#play")).ToHaveAttributeAsync("aria-label", "Play", new() { Timeout = 60000 });
        Assert.Equal(max, await page.Locator("#time").InputValueAsync());
        await WaitForIdleAsync(page);
        Assert.Contains(await RenderedNearAsync(page, "displacement", Rafah), f => Number(f, "people") == 1_400_000);
    }

    [Fact]
    public async Task Clicking_Rafah_shows_the_quote_with_the_figure_and_the_source_article()
    {
        var page = await OpenMapAsync(SouthGazaView);
        // Click where the figure is drawn (the place it was resolved to, within 5 km of Rafah).
        var figure = (await RenderedNearAsync(page, "displacement", Rafah)).First(f => Number(f, "people") == 1_400_000);
        var point = await page.EvaluateAsync<double[]>(
            "([lon, lat]) => { const p = map.project([lon, lat]); return [p.x, p.y]; }",
            new[] { figure.GetProperty("coordinates")[0].GetDouble(), figure.GetProperty("coordinates")[1].GetDouble() });

        await page.Locator("#map canvas").ClickAsync(new() { Position = new() { X = (float)point[0], Y = (float)point[1] } });
        var popup = page.Locator(".situation-popup .popup-displacement");
        await popup.Locator(".quote").WaitForAsync(new() { Timeout = 15000 });

        Assert.Contains("1.4 million", await popup.Locator(".quote").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("1,400,000", await popup.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Source:", await popup.Locator(".source").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Artifact("map-popup-rafah.png") });

        // Rafah the place is folded below the figure, with the articles that name it.
        var place = page.Locator(".situation-popup details.popup-places");
        await place.Locator("summary").ClickAsync();
        await Assertions.Expect(place.Locator(".articles a[href^='/articles/']").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Artifact("map-popup-rafah-place.png") });
        AssertEverythingCameFromLoopback();
    }

    [Fact]
    public async Task Embed_shows_only_the_asked_layers_inside_the_bbox_without_chrome()
    {
        var (min, max) = await DataDateRangeAsync();
        var page = await fixture.NewPageAsync(800, 500);
        await page.GotoAsync(new Uri(fixture.BaseAddress,
            $"/embed?layers=displacement,events&bbox=34.2,31.2,34.6,31.6&datetime={min}/{max}").ToString());
        await WaitForReadyAsync(page);

        Assert.Contains(await RenderedNearAsync(page, "displacement", Rafah), f => Number(f, "people") == 1_400_000);
        Assert.NotEmpty(await RenderedNearAsync(page, "events", KhanYunis));
        Assert.Equal("none", await page.EvaluateAsync<string>("() => map.getLayoutProperty('places', 'visibility')"));
        Assert.Equal(0, await page.Locator(".legend, #search, #time").CountAsync());
        Assert.True(await page.Locator(".maplibregl-ctrl-attrib").InnerTextAsync() is var attribution
            && attribution.Contains("GeoNames", StringComparison.Ordinal), "GeoNames attribution is shown");

        await page.ScreenshotAsync(new() { Path = Artifact("embed.png") });
        AssertEverythingCameFromLoopback();
    }

    [Fact]
    public async Task Arabic_and_Hebrew_labels_load_the_RTL_plugin_and_our_glyphs()
    {
        var page = await OpenMapAsync(SouthGazaView);
        Assert.NotEqual("loaded", await page.EvaluateAsync<string>("() => maplibregl.getRTLTextPluginStatus()"));

        // Labels in Arabic and Hebrew script, as a gazetteer's alternate names would be drawn.
        await page.EvaluateAsync(
            """
            () => {
              map.addSource('rtl-test', { type: 'geojson', data: { type: 'FeatureCollection', features: [
                { type: 'Feature', properties: { label: 'رفح' }, geometry: { type: 'Point', coordinates: [34.2436, 31.2968] } },
                { type: 'Feature', properties: { label: 'חאן יונס' }, geometry: { type: 'Point', coordinates: [34.3063, 31.3402] } },
              ] } });
              map.addLayer({ id: 'rtl-test', type: 'symbol', source: 'rtl-test',
                layout: { 'text-field': ['get', 'label'], 'text-font': ['Noto Sans Regular'], 'text-allow-overlap': true } });
            }
            """);
        await page.WaitForFunctionAsync("() => maplibregl.getRTLTextPluginStatus() === 'loaded'", null, new() { Timeout = 30000 });
        await page.WaitForFunctionAsync("() => map.queryRenderedFeatures({ layers: ['rtl-test'] }).length === 2", null, new() { Timeout = 30000 });
        Assert.Contains(fixture.RequestedUrls, u => u.EndsWith("/vendor/mapbox-gl-rtl-text/mapbox-gl-rtl-text.js", StringComparison.Ordinal));
        // Shaped Arabic is drawn from the presentation forms (U+FE70-FEFF), Hebrew from U+0590-05FF.
        Assert.Contains(fixture.RequestedUrls, u => u.EndsWith("/65024-65279.pbf", StringComparison.Ordinal));
        Assert.Contains(fixture.RequestedUrls, u => u.EndsWith("/1280-1535.pbf", StringComparison.Ordinal));
        await page.ScreenshotAsync(new() { Path = Artifact("map-rtl-labels.png") });
        AssertEverythingCameFromLoopback();
    }

    [Fact]
    public async Task Search_box_flies_to_the_place_picked()
    {
        var page = await OpenMapAsync("#map=4/30/20");
        await page.Locator("#search-q").FillAsync("Khan Yunis");
        var first = page.Locator("#search-results button").First;
        await Assertions.Expect(first).ToContainTextAsync("Kh");
        await first.ClickAsync();
        await page.WaitForFunctionAsync("() => !map.isMoving() && map.getZoom() > 9", null, new() { Timeout = 30000 });
        var centre = await page.EvaluateAsync<double[]>("() => { const c = map.getCenter(); return [c.lng, c.lat]; }");
        Assert.True(DistanceKm(KhanYunis.Lat, KhanYunis.Lon, centre[1], centre[0]) < 10, $"centre {centre[1]},{centre[0]}");
        AssertEverythingCameFromLoopback();
    }

    [Fact]
    public async Task Ingest_from_the_page_shows_the_places_found_then_stores_the_article_on_confirm()
    {
        var page = await OpenMapAsync("#map=8/32.3/35.2");
        await page.Locator("#ingest-open").ClickAsync();
        await page.Locator("#ingest-key").FillAsync("not-the-key");
        await page.Locator("#ingest-title").FillAsync("Families leave Jenin camp");
        await page.Locator("#ingest-text").FillAsync(
            "About 3,000 people fled the Jenin refugee camp on Monday, the UN agency said. Many went to Nablus.");
        await page.Locator("#ingest-find").ClickAsync();
        await Assertions.Expect(page.Locator("#ingest-status")).ToContainTextAsync("Could not analyse");
        Assert.True(await page.Locator("#ingest-confirm").IsDisabledAsync());

        await page.Locator("#ingest-key").FillAsync(ServerProcess.ApiKey);
        await page.Locator("#ingest-find").ClickAsync();
        await Assertions.Expect(page.Locator("#ingest-preview mark").First).ToBeVisibleAsync();
        var marked = await page.Locator("#ingest-preview mark").AllInnerTextsAsync();
        Assert.Contains("Jenin", marked);
        Assert.Contains("Nablus", marked);
        Assert.DoesNotContain("[object", await page.Locator("#ingest-preview").InnerTextAsync(), StringComparison.Ordinal);

        await page.Locator("#ingest-confirm").ClickAsync();
        await Assertions.Expect(page.Locator("#ingest-status")).ToContainTextAsync("Stored as article");
        var places = await fixture.Server.Http.GetStringAsync("/collections/places/items?limit=1000");
        Assert.Contains("Jenin", places, StringComparison.Ordinal);
        AssertEverythingCameFromLoopback();
    }

    [Fact]
    public async Task First_load_of_the_map_page_transfers_at_most_600_KB_before_any_tile()
    {
        var page = await fixture.NewPageAsync();
        var responses = new List<IResponse>();
        page.Response += (_, response) => responses.Add(response);
        await page.GotoAsync(new Uri(fixture.BaseAddress, "/" + SouthGazaView).ToString());
        await WaitForReadyAsync(page);

        long total = 0;
        foreach (var response in responses.Where(r => !r.Url.Contains("/tiles/", StringComparison.Ordinal)))
        {
            var sizes = await response.Request.SizesAsync();
            total += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
        }
        await File.WriteAllTextAsync(Artifact("first-load-bytes.txt"), $"{total}\n");
        Assert.True(total <= 600 * 1024, $"first load transferred {total} bytes before tiles");
        Assert.Contains(responses, r => r.Url.EndsWith("/vendor/maplibre-gl/maplibre-gl.js", StringComparison.Ordinal)
            && r.Headers.TryGetValue("content-encoding", out var encoding) && encoding is "br" or "gzip");
    }

    private async Task<IPage> OpenMapAsync(string hash)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.BaseAddress, "/" + hash).ToString());
        await WaitForReadyAsync(page);
        return page;
    }

    private static async Task WaitForReadyAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => window.mapReady === true", null, new() { Timeout = 60000 });
        await WaitForIdleAsync(page);
    }

    // MapLibre's "idle": the style, every requested tile and the frame after them are done.
    private static Task WaitForIdleAsync(IPage page) =>
        page.EvaluateAsync("() => new Promise((resolve) => { map.once('idle', () => resolve(true)); map.triggerRepaint(); })");

    private static async Task SetSliderAsync(IPage page, string value)
    {
        await page.EvalOnSelectorAsync("#time", "(el, v) => { el.value = v; el.dispatchEvent(new Event('input')); }", value);
        await WaitForIdleAsync(page);
    }

    /// <summary>Rendered features of one data layer whose point lies within 5 km of a place.</summary>
    private static async Task<IReadOnlyList<JsonElement>> RenderedNearAsync(IPage page, string source, (double Lat, double Lon) place)
    {
        var features = await page.EvaluateAsync<JsonElement>(
            """
            (source) => {
              const layers = map.getStyle().layers.filter((l) => l.source === source).map((l) => l.id);
              return map.queryRenderedFeatures({ layers }).map((f) => ({
                properties: f.properties,
                coordinates: f.geometry.type === 'Point' ? f.geometry.coordinates : null,
              }));
            }
            """, source);
        return [.. features.EnumerateArray().Where(f =>
        {
            var c = f.GetProperty("coordinates");
            return c.ValueKind == JsonValueKind.Array
                && DistanceKm(place.Lat, place.Lon, c[1].GetDouble(), c[0].GetDouble()) <= NearKm;
        })];
    }

    private static double Number(JsonElement feature, string property) =>
        feature.GetProperty("properties").TryGetProperty(property, out var v)
            ? v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.TryParse(v.GetString(), out var d) ? d : double.NaN
            : double.NaN;

    private static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        const double EarthRadiusKm = 6371;
        var dLat = double.DegreesToRadians(lat2 - lat1);
        var dLon = double.DegreesToRadians(lon2 - lon1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2)
            + Math.Cos(double.DegreesToRadians(lat1)) * Math.Cos(double.DegreesToRadians(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Sqrt(a));
    }

    private static string[] LayersInHash(string url)
    {
        var hash = new Uri(url).Fragment.TrimStart('#');
        var layers = hash.Split('&').FirstOrDefault(p => p.StartsWith("layers=", StringComparison.Ordinal));
        return layers is null ? [] : Uri.UnescapeDataString(layers["layers=".Length..]).Split(',');
    }

    // The data's first and last dates, as the collections' temporal extents give them.
    private async Task<(string Min, string Max)> DataDateRangeAsync()
    {
        var dates = new List<string>();
        foreach (var collection in new[] { "displacement", "events" })
        {
            using var doc = JsonDocument.Parse(await fixture.Server.Http.GetStringAsync($"/collections/{collection}"));
            foreach (var interval in doc.RootElement.GetProperty("extent").GetProperty("temporal").GetProperty("interval").EnumerateArray())
            {
                dates.AddRange(interval.EnumerateArray().Where(d => d.ValueKind == JsonValueKind.String).Select(d => d.GetString()![..10]));
            }
        }
        Assert.NotEmpty(dates);
        return (dates.Min(StringComparer.Ordinal)!, dates.Max(StringComparer.Ordinal)!);
    }

    private void AssertEverythingCameFromLoopback()
    {
        var outside = fixture.RequestedUrls.Where(u => !MapBrowserFixture.IsLocal(u)).ToList();
        Assert.True(outside.Count == 0, "requests left 127.0.0.1: " + string.Join(", ", outside));
        Assert.Contains(fixture.RequestedUrls, u => u.Contains("/fonts/", StringComparison.Ordinal));
    }

    private static string Artifact(string name) => Path.Combine(ServerProcess.ArtifactsDirectory, name);
}
