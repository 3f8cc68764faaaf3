using System.Globalization;
using System.Net;
using System.Text.Json;
using GeoSituation.Core.Articles;
using GeoSituation.Core.Events;
using GeoSituation.Core.Gazetteer;
using GeoSituation.Core.Text;
using GeoSituation.Postgis.Articles;
using Microsoft.Extensions.DependencyInjection;

namespace GeoSituation.Server.Tests.Api;

/// <summary>
/// Events over real HTTP (issue 18): their actors with ACLED's codes in items and tiles, filters on them, one claim for
/// one event reported by two outlets, and `?f=csv&amp;schema=acled` in ACLED's columns.
/// </summary>
/// <remarks>
/// The extractor does not name actors yet, so the events are stored through the server's own ArticleStore. Each test
/// names its own actor and uses a day no seed article reports, so the shared server's other events never join its claims.
/// </remarks>
[Collection(ServerCollection.Name)]
public sealed class EventsApiTests(ServerFixture server)
{
    private const long RafahId = 281102;

    private const string AcledHeader =
        "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2," +
        "assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude," +
        "geo_precision,source,source_scale,notes,fatalities,tags,timestamp";

    private GazetteerEntry Rafah => server.Services.GetRequiredService<Gazetteer>().Get(RafahId)!;

    /// <summary>Stores an article from <paramref name="source"/> reporting an air strike by <paramref name="actor1"/> on civilians in Rafah.</summary>
    private async Task StoreStrikeAsync(string source, string actor1, DateOnly day)
    {
        var text = $"An air strike by {actor1} killed 7 civilians in Rafah, {source} reported ({Guid.NewGuid():N}).";
        var sentences = SentenceSplitter.Split(text);
        var input = new ArticleInput
        {
            Title = "Strike on Rafah", Text = text, Source = source, Url = $"https://{source.ToLowerInvariant()}.example/{Guid.NewGuid():N}",
            Published = new DateTimeOffset(day.ToDateTime(new TimeOnly(16, 0)), TimeSpan.Zero),
        };
        SituationEvent strike = new()
        {
            Type = SituationEventType.ExplosionsRemoteViolence, SubType = "air/drone strike", Place = Rafah, Date = day,
            GeoPrecision = 1, TimePrecision = 1, Fatalities = 7, Sentence = sentences[0], Confidence = 0.8,
            Actor1 = new EventActor(actor1, ActorType.StateForces), Actor2 = new EventActor("Civilians (Palestine)", ActorType.Civilians),
        };
        await server.Services.GetRequiredService<ArticleStore>().SaveAsync(new ArticleAnalysis(input, ContentHash.Of(text), sentences, [], [], [strike]));
    }

    private static string NewActor() => "Test Air Force " + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Actors_and_their_acled_codes_are_served_in_items_and_tiles_and_filter_both()
    {
        var actor = NewActor();
        await StoreStrikeAsync("Reuters", actor, new DateOnly(2031, 3, 3));

        var items = await server.GetJsonAsync($"/collections/events/items?actor1={Uri.EscapeDataString(actor)}");
        var properties = Assert.Single(items.GetProperty("features").EnumerateArray()).GetProperty("properties");
        Assert.Equal(1, properties.GetProperty("inter1").GetInt32());
        Assert.Equal("Civilians (Palestine)", properties.GetProperty("actor2").GetString());
        Assert.Equal(7, properties.GetProperty("inter2").GetInt32());
        Assert.Equal(17, properties.GetProperty("interaction").GetInt32());
        var byCode = await server.GetJsonAsync($"/collections/events/items?inter1=1&interaction=17&datetime=2031-03-03&limit=100");
        Assert.Contains(byCode.GetProperty("features").EnumerateArray(), f => f.GetProperty("properties").GetProperty("actor1").GetString() == actor);

        // z8 tile 152/104 covers the Gaza Strip.
        var tile = await TileTests.OgrInfoAsync(await server.Http.GetByteArrayAsync($"/tiles/events/8/152/104.mvt?actor1={Uri.EscapeDataString(actor)}"), summaryOnly: false);
        Assert.Contains($"actor1 (String) = {actor}", tile);
        Assert.Contains("interaction (Integer) = 17", tile);
        Assert.Contains("Feature Count: 1", tile);
        Assert.Empty(await server.Http.GetByteArrayAsync($"/tiles/events/8/152/104.mvt?actor1={Uri.EscapeDataString(actor)}&inter1=2"));
    }

    [Fact]
    public async Task Two_articles_reporting_one_event_are_one_claim_with_both_sources()
    {
        var actor = NewActor();
        var day = new DateOnly(2031, 3, 4);
        await StoreStrikeAsync("Reuters", actor, day);
        await StoreStrikeAsync("Al Jazeera", actor, day);

        var items = await server.GetJsonAsync($"/collections/events/items?actor1={Uri.EscapeDataString(actor)}");
        var reports = items.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties")).ToList();
        Assert.Equal(2, reports.Count);
        Assert.Single(reports.Select(p => p.GetProperty("claim_id").GetInt64()).Distinct());
        Assert.All(reports, p => Assert.Equal(2, p.GetProperty("claim_articles").GetInt32()));
        Assert.All(reports, p => Assert.Equal("Al Jazeera; Reuters", p.GetProperty("claim_sources").GetString()));
    }

    [Fact]
    public async Task Acled_csv_has_acleds_columns_in_order_and_one_row_per_event()
    {
        var actor = NewActor();
        var day = new DateOnly(2031, 3, 5);
        await StoreStrikeAsync("Reuters", actor, day);
        await StoreStrikeAsync("AP", actor, day);

        using var response = await server.Http.GetAsync($"/collections/events/items?f=csv&schema=acled&actor1={Uri.EscapeDataString(actor)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(AcledHeader, lines[0]);
        // No HXL row, and the two reports are one row.
        Assert.Equal(2, lines.Length);

        var claimId = (await server.GetJsonAsync($"/collections/events/items?actor1={Uri.EscapeDataString(actor)}"))
            .GetProperty("features")[0].GetProperty("properties").GetProperty("claim_id").GetInt64();
        var cells = lines[0].Split(',').Zip(Cells(lines[1])).ToDictionary(c => c.First, c => c.Second);
        Assert.Equal(31, cells.Count);
        Assert.Equal("PSE" + claimId.ToString(CultureInfo.InvariantCulture), cells["event_id_cnty"]);
        Assert.Equal("2031-03-05", cells["event_date"]);
        Assert.Equal("2031", cells["year"]);
        Assert.Equal("Political violence", cells["disorder_type"]);
        Assert.Equal("Explosions/Remote violence", cells["event_type"]);
        Assert.Equal("Air/drone strike", cells["sub_event_type"]);
        Assert.Equal(actor, cells["actor1"]);
        Assert.Equal("1", cells["inter1"]);
        Assert.Equal("Civilians (Palestine)", cells["actor2"]);
        Assert.Equal("7", cells["inter2"]);
        Assert.Equal("17", cells["interaction"]);
        Assert.Equal("Civilian targeting", cells["civilian_targeting"]);
        Assert.Equal("275", cells["iso"]);
        Assert.Equal("Middle East", cells["region"]);
        Assert.Equal("Palestine", cells["country"]);
        Assert.Equal(Rafah.Name, cells["location"]);
        Assert.Equal(Rafah.Latitude, double.Parse(cells["latitude"], CultureInfo.InvariantCulture), 5);
        Assert.Equal(Rafah.Longitude, double.Parse(cells["longitude"], CultureInfo.InvariantCulture), 5);
        Assert.Equal("AP; Reuters", cells["source"]);
        Assert.StartsWith($"An air strike by {actor} killed 7 civilians in Rafah", cells["notes"], StringComparison.Ordinal);
        Assert.Equal("7", cells["fatalities"]);
        Assert.True(long.Parse(cells["timestamp"], CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds());

        // The default CSV keeps its layout: our properties and the HXL row.
        var hxl = (await server.Http.GetStringAsync($"/collections/events/items?f=csv&actor1={Uri.EscapeDataString(actor)}")).Split("\r\n");
        Assert.StartsWith("fid,event_type,sub_type,date,place,", hxl[0], StringComparison.Ordinal);
        Assert.StartsWith("#meta+id,#event+type,", hxl[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/collections/events/items?f=csv&schema=xlsx", "hxl, acled")]
    [InlineData("/collections/places/items?f=csv&schema=acled", "events")]
    [InlineData("/collections/events/items?schema=acled", "f=csv")]
    public async Task A_schema_that_cannot_be_served_is_a_400_problem_saying_why(string path, string detail)
    {
        using var response = await server.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analysing_an_article_returns_each_events_sides_and_codes()
    {
        var (status, body) = await server.PostArticleAsync(new
        {
            // A day of its own: this event names no actor, so it would join the other tests' claims on their days.
            title = "Strike", source = "Test", published = "2031-04-20T10:00:00Z",
            text = $"An Israeli air strike killed 12 people in Rafah ({Guid.NewGuid():N}).",
        });
        Assert.True(status is HttpStatusCode.Created or HttpStatusCode.OK, body.ToString());
        var analysed = Assert.Single(body.GetProperty("events").EnumerateArray());
        foreach (var name in new[] { "actor1", "inter1", "actor2", "inter2", "interaction" }) Assert.True(analysed.TryGetProperty(name, out _), name);
    }

    private static List<string> Cells(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells;
    }
}
