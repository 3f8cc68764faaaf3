using System.Diagnostics;
using System.Net;
using System.Text.Json;
using GeoSituation.Postgis.Features;
using GeoSituation.Postgis.Tiles;
using GeoSituation.Server.Tests.Api;

namespace GeoSituation.Server.Tests.Interop;

/// <summary>
/// QGIS 3.22 (Debian's qgis and python3-qgis, headless) as the client: every OAPIF collection with the right field
/// types, every vector tile layer and the PNG layer, and a rendered map that is not blank. QGIS never reads /schema:
/// it guesses each field's type from the first ten features, so this is what a QGIS user really gets.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class QgisClientTests(ServerFixture server)
{
    private static readonly string Script = Path.Combine(ServerFixture.RepositoryRoot, "tests", "GeoSituation.Server.Tests", "Interop", "qgis_client.py");

    [Fact]
    public async Task Qgis_loads_every_collection_with_its_types_every_tile_layer_and_renders_a_map()
    {
        // A flow, a figure and an event of its own, so no collection is empty (the seed has no flow).
        var (status, _) = await server.PostArticleAsync(new
        {
            title = "QGIS interop",
            text = "About 2,000 people fled Khan Younis for Rafah on 14 February 2024, the UN said. An airstrike hit Rafah on 14 February 2024, killing 3 people.",
            published = "2024-02-15",
        });
        Assert.True(status is HttpStatusCode.Created or HttpStatusCode.OK);

        var image = Path.Combine(Path.GetTempPath(), $"qgis-{Guid.NewGuid():N}.png");
        try
        {
            var arguments = new List<string> { Script, server.BaseAddress.ToString(), image };
            arguments.AddRange(FeatureCatalogue.All.Select(c => c.Id));
            arguments.Add("--");
            arguments.AddRange(TileCatalogue.All.Select(s => s.Id));
            using var seen = JsonDocument.Parse(await RunQgisAsync(arguments));

            foreach (var collection in FeatureCatalogue.All)
            {
                var layer = seen.RootElement.GetProperty("collections").GetProperty(collection.Id);
                Assert.True(layer.GetProperty("valid").GetBoolean(), $"{collection.Id} did not load");
                var matched = (await server.GetJsonAsync($"/collections/{collection.Id}/items?limit=1")).GetProperty("numberMatched").GetInt64();
                Assert.Equal(matched, layer.GetProperty("count").GetInt64());
                var fields = layer.GetProperty("fields");
                var sampled = layer.GetProperty("sampled");
                foreach (var property in collection.Properties)
                {
                    Assert.True(fields.TryGetProperty(property.Name, out var type), $"{collection.Id}.{property.Name} is not a QGIS field");
                    // A field whose first ten values are all null has nothing to guess from: QGIS 3.22 makes it String.
                    if (!sampled.TryGetProperty(property.Name, out _)) continue;
                    Assert.True(Expected(property).Contains(type.GetString()), $"{collection.Id}.{property.Name}: QGIS made it {type.GetString()}, it is {property.Type} {property.Format}");
                }
            }
            foreach (var source in TileCatalogue.All)
            {
                Assert.True(seen.RootElement.GetProperty("tiles").GetProperty(source.Id).GetProperty("valid").GetBoolean(), $"tile layer {source.Id} did not load");
            }
            Assert.True(seen.RootElement.GetProperty("png").GetProperty("valid").GetBoolean(), "the PNG tile layer did not load");

            var render = seen.RootElement.GetProperty("render");
            Assert.Empty(render.GetProperty("errors").EnumerateArray());
            // Sea, land, outlines, governorates and places: a blank or one-colour image has 1.
            Assert.True(render.GetProperty("colours").GetInt32() > 20, $"the rendered map has {render.GetProperty("colours").GetInt32()} colours");
            var bytes = await File.ReadAllBytesAsync(image);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        }
        finally
        {
            File.Delete(image);
        }
    }

    private static string[] Expected(FeatureProperty property) => (property.Type, property.Format) switch
    {
        ("integer", _) => ["Integer", "Integer64"],
        ("number", _) => ["Real"],
        ("boolean", _) => ["Boolean"],
        ("string", "date") => ["Date"],
        ("string", "date-time") => ["DateTime"],
        _ => ["String"],
    };

    // Debian's python: another python3 first on the PATH may not import qgis.
    private static async Task<string> RunQgisAsync(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["QT_QPA_PLATFORM"] = "offscreen";
        start.Environment["XDG_RUNTIME_DIR"] = Directory.CreateTempSubdirectory("qgis-runtime-").FullName;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"QGIS failed: {await errors}");
        return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
    }
}
