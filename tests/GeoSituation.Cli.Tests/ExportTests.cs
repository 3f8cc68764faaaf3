using System.Text;
using System.Text.Json;
using GeoSituation.Cli.Tests.Infrastructure;

namespace GeoSituation.Cli.Tests;

/// <summary>`geosituation export`: every format opens in GDAL with every feature; bbox and datetime filter like the API.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class ExportTests(DatabaseFixture database) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("geosituation-export-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private async Task<string> ExportAsync(string collection, string format, params string[] extra)
    {
        var file = Path.Combine(folder, $"{collection}-{Guid.NewGuid():N}.{format}");
        var result = await CliProcess.RunAsync(["export", collection, "--format", format, "-o", file, "--db", database.ConnectionString, .. extra]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return file;
    }

    [Theory]
    [InlineData("places", "geojson")]
    [InlineData("places", "geojsonseq")]
    [InlineData("places", "gpkg")]
    [InlineData("mentions", "gpkg")]
    [InlineData("displacement", "geojson")]
    [InlineData("events", "gpkg")]
    [InlineData("articles", "gpkg")]
    [InlineData("articles", "geojsonseq")]
    public async Task Every_feature_reaches_a_file_gdal_opens(string collection, string format)
    {
        var expected = await database.CountAsync($"SELECT count(*) FROM ogc_{collection}");
        Assert.True(expected > 0, $"the seed gives {collection}");
        var file = await ExportAsync(collection, format);
        var summary = await OgrInfo.SummaryAsync(file);
        Assert.Equal(expected, OgrInfo.FeatureCount(summary));
        if (format == "gpkg" && collection != "articles") Assert.Contains("Geometry: Point", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_carries_an_hxl_row_and_gdal_reads_it_with_coordinates()
    {
        var file = await ExportAsync("displacement", "csv");
        var lines = await File.ReadAllLinesAsync(file);
        var header = lines[0].Split(',');
        var tags = lines[1].Split(',');
        Assert.Equal(header.Length, tags.Length);
        foreach (var tag in new[] { "#loc+name", "#adm1+code", "#geo+lat", "#geo+lon", "#affected+idps", "#date+reported", "#meta+source", "#meta+url" })
        {
            Assert.Contains(tag, tags);
        }
        Assert.Equal("people", header[Array.IndexOf(tags, "#affected+idps")]);
        Assert.Equal("as_of", header[Array.IndexOf(tags, "#date+reported")]);
        var expected = await database.CountAsync("SELECT count(*) FROM ogc_displacement");
        Assert.Equal(expected, lines.Length - 2);
        var people = Array.IndexOf(header, "people");
        Assert.Contains(lines.Skip(2), line => line.Split(',')[people] == "1400000");

        // GDAL's CSV driver takes the HXL row as one more (attribute-only) row; coordinates come from lat/lon.
        var summary = await OgrInfo.SummaryAsync(file, "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat");
        Assert.Equal(expected + 1, OgrInfo.FeatureCount(summary));
        Assert.Contains("Geometry: Point", summary, StringComparison.Ordinal);

        var events = await File.ReadAllLinesAsync(await ExportAsync("events", "csv"));
        Assert.Contains("#event+type", events[1].Split(','));
    }

    [Fact]
    public async Task Bbox_and_datetime_select_what_the_items_endpoint_selects()
    {
        // Rafah holds the seed's 1.4 million; Europe holds no displacement figure.
        var rafah = await ExportAsync("displacement", "geojson", "--bbox", "34.1,31.2,34.4,31.4");
        using (var document = JsonDocument.Parse(await File.ReadAllTextAsync(rafah)))
        {
            var features = document.RootElement.GetProperty("features");
            Assert.Contains(features.EnumerateArray(), f => f.GetProperty("properties").GetProperty("people").GetInt64() == 1_400_000);
            Assert.All(features.EnumerateArray(), f =>
            {
                var lon = f.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble();
                Assert.InRange(lon, 34.1, 34.4);
            });
        }
        var europe = await ExportAsync("displacement", "geojsonseq", "--bbox", "0,45,10,50");
        Assert.Equal(0, new FileInfo(europe).Length);

        var future = await ExportAsync("places", "geojson", "--datetime", "2100-01-01/..");
        using (var document = JsonDocument.Parse(await File.ReadAllTextAsync(future)))
        {
            Assert.Equal(0, document.RootElement.GetProperty("features").GetArrayLength());
        }
        var all = await ExportAsync("places", "geojson", "--datetime", "../2100-01-01");
        Assert.Equal(await database.CountAsync("SELECT count(*) FROM ogc_places"), OgrInfo.FeatureCount(await OgrInfo.SummaryAsync(all)));
    }

    [Fact]
    public async Task Acled_schema_writes_acleds_columns_with_one_row_per_event_claim()
    {
        var file = await ExportAsync("events", "csv", "--schema", "acled");
        var lines = await File.ReadAllLinesAsync(file);
        string[] acled =
        [
            "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1",
            "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region",
            "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
            "notes", "fatalities", "tags", "timestamp",
        ];
        Assert.Equal(string.Join(',', acled), lines[0]);
        // No HXL row: every line after the header is an event, and reports of one event are one row.
        var claims = await database.CountAsync("SELECT count(*) FROM ogc_events WHERE fid = (properties->>'claim_id')::bigint");
        Assert.True(claims > 0, "the seed gives events");
        Assert.Equal(claims, lines.Length - 1);
        Assert.Contains(lines.Skip(1), line => line.StartsWith("PSE", StringComparison.Ordinal) && line.Contains(",275,Middle East,Palestine,", StringComparison.Ordinal));

        // GDAL reads it as ACLED files are read: coordinates from latitude/longitude.
        var summary = await OgrInfo.SummaryAsync(file, "-oo", "X_POSSIBLE_NAMES=longitude", "-oo", "Y_POSSIBLE_NAMES=latitude");
        Assert.Equal(claims, OgrInfo.FeatureCount(summary));
        Assert.Contains("Geometry: Point", summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("events", "geojson", "acled")]
    [InlineData("places", "csv", "acled")]
    [InlineData("events", "csv", "xlsx")]
    public async Task A_schema_that_does_not_apply_is_a_usage_error(string collection, string format, string schema)
    {
        var result = await CliProcess.RunAsync(["export", collection, "--format", format, "--schema", schema, "--db", database.ConnectionString]);
        Assert.True(result.ExitCode == 1, result.ToString());
    }

    [Fact]
    public async Task Geojsonseq_follows_rfc_8142()
    {
        var bytes = await File.ReadAllBytesAsync(await ExportAsync("places", "geojsonseq"));
        var text = Encoding.UTF8.GetString(bytes);
        var records = text.Split('\u001e', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal('\u001e', text[0]);
        Assert.All(records, r =>
        {
            Assert.EndsWith("\n", r, StringComparison.Ordinal);
            Assert.Equal("Feature", JsonDocument.Parse(r).RootElement.GetProperty("type").GetString());
        });
    }

    [Fact]
    public async Task Without_a_file_geojson_goes_to_stdout_and_progress_to_stderr()
    {
        var result = await CliProcess.RunAsync(["export", "places", "--db", database.ConnectionString]);
        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Stdout);
        Assert.Equal("FeatureCollection", document.RootElement.GetProperty("type").GetString());
        Assert.Contains("written", result.Stderr, StringComparison.Ordinal);
    }
}
