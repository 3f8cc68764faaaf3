using System.Net;
using GeoSituation.Cli.Tests.Infrastructure;

namespace GeoSituation.Cli.Tests;

/// <summary>/collections/{id}/items?f=csv gives the rows `geosituation export --format csv` writes, HXL row included.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class CsvItemsTests(DatabaseFixture database)
{
    [Fact]
    public async Task Items_as_csv_match_the_export_and_page_like_geojson()
    {
        await using var server = await ServeProcess.StartAsync(database.ConnectionString);
        using var response = await server.Http.GetAsync("/collections/displacement/items?f=csv&limit=10000");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var api = await response.Content.ReadAsStringAsync();

        var export = await CliProcess.RunAsync(["export", "displacement", "--format", "csv", "--db", database.ConnectionString]);
        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.Equal(export.Stdout, api);
        Assert.StartsWith("#meta+id,", api.Split("\r\n")[1], StringComparison.Ordinal);

        // limit applies: header, HXL row and one feature.
        var one = await server.Http.GetStringAsync("/collections/places/items?f=csv&limit=1");
        Assert.Equal(3, one.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        using var refused = await server.Http.GetAsync("/collections/places/items?f=xml");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
    }
}
