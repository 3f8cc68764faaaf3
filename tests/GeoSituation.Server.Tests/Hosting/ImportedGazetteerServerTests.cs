using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GeoSituation.Core.Gazetteer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;

namespace GeoSituation.Server.Tests.Hosting;

/// <summary>
/// A planner's import reaches the map: the server runs once on a data folder, the admin2 polygons of a COD-AB import are
/// then added to its gazetteer/ folder (the files `geosituation gazetteer import` writes), and after a restart an
/// article naming an imported area shows that polygon, with its area and the density of the people reported there.
/// </summary>
public sealed class ImportedGazetteerServerTests : IAsyncLifetime
{
    private const string ApiKey = "import-tests-key-51c3-a9e07f";
    private readonly string dataFolder = Directory.CreateTempSubdirectory("geosituation-importtest-").FullName;
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        try { Directory.Delete(dataFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return Task.CompletedTask;
    }

    private async Task<(WebApplication App, HttpClient Http)> StartAsync()
    {
        var app = ServerApp.Build(
        [
            "--urls=http://127.0.0.1:0",
            $"--GEOSITUATION_DATA={dataFolder}",
            "--GEOSITUATION_SEEDS=none",
            $"--GEOSITUATION_API_KEY={ApiKey}",
            "--GEOSITUATION_DB=",
            "--GEOSITUATION_GAZETTEER=",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) });
    }

    private static async Task StopAsync(WebApplication app, HttpClient http)
    {
        http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static Polygon Square(double x, double y, double size) =>
        Factory.CreatePolygon([new(x, y), new(x + size, y), new(x + size, y + size), new(x, y + size), new(x, y)]);

    [Fact]
    public async Task An_imported_admin2_polygon_gives_the_mentioned_area_its_outline_area_and_density()
    {
        // First start: the basemap is loaded from the gazetteer without imports.
        var (app, http) = await StartAsync();
        Assert.DoesNotContain("SD13899", (await GetJsonAsync(http, "/map/governorates")).GetRawText(), StringComparison.Ordinal);
        await StopAsync(app, http);

        var gazetteerFolder = Path.Combine(dataFolder, "gazetteer");
        Directory.CreateDirectory(gazetteerFolder);
        AreasFile.Write(UserGazetteer.AreasPath(gazetteerFolder, "sudan-adm2"),
        [
            new GazetteerArea { Key = "sd:sd13899", Name = "Kuma Garadayat", Alternates = ["Kuma Garadait"], Type = SiteType.Admin2, Country = "SD", PCode = "SD13899", Parent = "SD13", Geometry = Square(26.0, 13.0, 0.8), Source = "test", Licence = "test" },
            new GazetteerArea { Key = "sd:sd13898", Name = "Wadi Magrur", Type = SiteType.Admin2, Country = "SD", PCode = "SD13898", Parent = "SD13", Geometry = Square(26.8, 13.0, 0.7), Source = "test", Licence = "test" },
        ]);

        // Restart: the server's gazetteer and the basemap's outlines now hold the import.
        (app, http) = await StartAsync();
        try
        {
            using (var request = new HttpRequestMessage(HttpMethod.Post, "/articles"))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
                request.Content = new StringContent(JsonSerializer.Serialize(new
                {
                    title = "North Darfur flash update", source = "OCHA", published = "2024-05-14T09:00:00Z",
                    text = "About 40,000 displaced people are sheltering in Kuma Garadayat, OCHA said. Wells there are running dry.",
                }), Encoding.UTF8, "application/json");
                using var response = await http.SendAsync(request);
                Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            }

            var places = await GetJsonAsync(http, "/collections/places/items?limit=100");
            var place = Assert.Single(places.GetProperty("features").EnumerateArray(), f => f.GetProperty("properties").GetProperty("name").GetString() == "Kuma Garadayat");
            Assert.Equal("SD13899", place.GetProperty("properties").GetProperty("pcode").GetString());
            Assert.Equal("ADM2", place.GetProperty("properties").GetProperty("feature_code").GetString());

            // The polygon, on the map's P-coded area layer, surveyed (not approximate).
            var areas = await GetJsonAsync(http, "/map/governorates");
            var outline = Assert.Single(areas.GetProperty("features").EnumerateArray(), f => f.GetProperty("properties").GetProperty("pcode").GetString() == "SD13899");
            Assert.False(outline.GetProperty("properties").GetProperty("approximate").GetBoolean());
            var ring = outline.GetProperty("geometry").GetProperty("coordinates")[0][0];
            Assert.Equal(5, ring.GetArrayLength());
            Assert.Equal(26.8, ring.EnumerateArray().Max(c => c[0].GetDouble()), 6);

            // Area on the spheroid from PostGIS: 0.8 x 0.8 degrees at 13.4 N is about 7,700 km².
            var summary = await GetJsonAsync(http, "/collections/displacement-summary/items?limit=100");
            var figure = Assert.Single(summary.GetProperty("features").EnumerateArray(), f => f.GetProperty("properties").GetProperty("place").GetString() == "Kuma Garadayat");
            var p = figure.GetProperty("properties");
            Assert.Equal(40_000, p.GetProperty("people").GetInt64());
            Assert.Equal("SD13899", p.GetProperty("pcode").GetString());
            var areaKm2 = p.GetProperty("area_km2").GetDouble();
            Assert.InRange(areaKm2, 7_500, 7_900);
            Assert.False(p.GetProperty("area_approximate").GetBoolean());
            Assert.Equal(Math.Round(40_000 / areaKm2, 1), p.GetProperty("density_per_km2").GetDouble(), 1);
        }
        finally
        {
            await StopAsync(app, http);
        }
    }
}
