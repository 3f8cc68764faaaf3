using System.Globalization;
using System.Text.Json;
using GeoSituation.Core.Articles;
using GeoSituation.Core.Events;
using GeoSituation.Core.Gazetteer;
using GeoSituation.Core.Text;
using GeoSituation.Postgis.Articles;
using GeoSituation.Postgis.Database;
using GeoSituation.Postgis.Embedded;
using GeoSituation.Postgis.Export;
using GeoSituation.Postgis.Features;
using GeoSituation.Postgis.Migrations;
using GeoSituation.Postgis.Tiles;
using Npgsql;

namespace GeoSituation.Postgis.Tests;

/// <summary>
/// Events that hold up on real reporting (issue 18): the two sides of an event with ACLED's inter and interaction codes,
/// one event reported by several outlets as one claim with all its sources, and the ACLED CSV layout.
/// </summary>
/// <remarks>A database of its own in the shared cluster, so its events enter no other test's counts.</remarks>
[Collection(PostgisCollection.Name)]
public sealed class EventActorsAndClaimsTests(PostgisFixture fixture) : IAsyncLifetime
{
    private static readonly GazetteerEntry ElFasher = new()
    {
        Id = 379252, Name = "El Fasher", Kind = PlaceKind.City, Latitude = 13.62793, Longitude = 25.34936,
        CountryCode = "SD", FeatureCode = "PPLA", Population = 252609, Admin1Name = "North Darfur",
    };

    private static readonly EventActor Rsf = new("Rapid Support Forces", ActorType.RebelGroup);
    private static readonly EventActor Saf = new("Military Forces of Sudan", ActorType.StateForces);
    private static readonly EventActor Civilians = new("Civilians (Sudan)", ActorType.Civilians);

    private NpgsqlDataSource dataSource = null!;

    public async Task InitializeAsync()
    {
        var cluster = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions
        {
            DataFolder = fixture.DataFolder, Durable = false, Database = "events_" + Guid.NewGuid().ToString("N")[..12],
        });
        dataSource = GeoDataSource.Create(cluster.ConnectionString);
        await Migrator.MigrateAsync(dataSource);
    }

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    private const string Sentence = "RSF shelling killed 12 civilians in El Fasher, residents said.";

    /// <summary>Stores one article from <paramref name="source"/> whose first sentence reports <paramref name="situationEvent"/>.</summary>
    private async Task StoreAsync(string source, SituationEvent situationEvent)
    {
        var text = $"{Sentence} ({source} {Guid.NewGuid():N}.)";
        var sentences = SentenceSplitter.Split(text);
        var input = new ArticleInput
        {
            Title = source, Text = text, Source = source, Url = $"https://{source.ToLowerInvariant()}.example/{Guid.NewGuid():N}",
            Published = new DateTimeOffset(2024, 5, 13, 18, 0, 0, TimeSpan.Zero),
        };
        var stored = situationEvent with { Sentence = sentences[0] };
        await new ArticleStore(dataSource).SaveAsync(new ArticleAnalysis(input, ContentHash.Of(text), sentences, [], [], [stored]));
    }

    private static SituationEvent Shelling(EventActor? actor1, EventActor? actor2, string day = "2024-05-13") => new()
    {
        Type = SituationEventType.ExplosionsRemoteViolence, SubType = "shelling/artillery/missile attack", Place = ElFasher,
        Date = DateOnly.Parse(day, CultureInfo.InvariantCulture), GeoPrecision = 1, TimePrecision = 1, Fatalities = 12,
        Sentence = new TextSpan(0, 1), Confidence = 0.8, Actor1 = actor1, Actor2 = actor2,
    };

    private async Task<List<JsonElement>> PropertiesAsync(params (string Name, string Value)[] filters) =>
        await PropertiesAsync(false, filters);

    private async Task<List<JsonElement>> PropertiesAsync(bool onePerClaim, params (string Name, string Value)[] filters)
    {
        var query = new FeatureQuery(FeatureCatalogue.Find("events")!, 10_000,
            PropertyEquals: filters.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList(), OnePerClaim: onePerClaim);
        var features = new List<JsonElement>();
        await foreach (var row in new FeatureStore(dataSource).ReadAsync(query))
            features.Add(JsonDocument.Parse(row.Json).RootElement.GetProperty("properties").Clone());
        return features;
    }

    [Fact]
    public async Task Actors_their_inter_codes_and_interaction_are_stored_served_and_filtered()
    {
        await StoreAsync("Reuters", Shelling(Rsf, Civilians));
        await StoreAsync("Sudan Tribune", new SituationEvent
        {
            Type = SituationEventType.Protests, SubType = "protest", Place = ElFasher, Date = new DateOnly(2024, 5, 14),
            GeoPrecision = 1, TimePrecision = 1, Sentence = new TextSpan(0, 1), Confidence = 0.7,
            Actor1 = new EventActor("Protesters (Sudan)", ActorType.Protesters),
        });

        var shelling = Assert.Single(await PropertiesAsync(("actor1", "Rapid Support Forces")));
        Assert.Equal(2, shelling.GetProperty("inter1").GetInt32());
        Assert.Equal("Civilians (Sudan)", shelling.GetProperty("actor2").GetString());
        Assert.Equal(7, shelling.GetProperty("inter2").GetInt32());
        Assert.Equal(27, shelling.GetProperty("interaction").GetInt32());
        Assert.Equal("North Darfur", shelling.GetProperty("admin1").GetString());
        // ACLED writes an actor alone as its code times 10: protesters on their own are 60.
        var protest = Assert.Single(await PropertiesAsync(("inter1", "6")));
        Assert.Equal(JsonValueKind.Null, protest.GetProperty("actor2").ValueKind);
        Assert.Equal(60, protest.GetProperty("interaction").GetInt32());
        Assert.Empty(await PropertiesAsync(("actor1", "Military Forces of Sudan")));

        // The same properties and filters in the vector tile over El Fasher.
        var tiles = new TileStore(dataSource);
        var (x, y) = TileOf(ElFasher, 8);
        var tile = await Ogrinfo.ReadTileAsync(await tiles.GetTileAsync(TileCatalogue.Find("events")!, 8, x, y, filters: """{"actor1":"Rapid Support Forces"}"""));
        Assert.Contains("actor1 (String) = Rapid Support Forces", tile);
        Assert.Contains("interaction (Integer) = 27", tile);
        Assert.DoesNotContain("Protesters", tile);
        Assert.Empty(await tiles.GetTileAsync(TileCatalogue.Find("events")!, 8, x, y, filters: """{"inter1":1}"""));
    }

    [Fact]
    public async Task Two_articles_reporting_one_event_are_one_claim_with_both_sources()
    {
        await StoreAsync("Reuters", Shelling(Rsf, Civilians));
        await StoreAsync("AP", Shelling(Rsf, Civilians));
        // Another side on the same day and place, and the same sides the next day, are other events.
        await StoreAsync("AFP", Shelling(Saf, null));
        await StoreAsync("AFP", Shelling(Rsf, Civilians, day: "2024-05-14"));

        var rsf = (await PropertiesAsync(("actor1", "Rapid Support Forces"), ("date", "2024-05-13"))).ToList();
        Assert.Equal(2, rsf.Count);
        var claimId = Assert.Single(rsf.Select(p => p.GetProperty("claim_id").GetInt64()).Distinct());
        Assert.All(rsf, p => Assert.Equal(2, p.GetProperty("claim_articles").GetInt32()));
        Assert.All(rsf, p => Assert.Equal("AP; Reuters", p.GetProperty("claim_sources").GetString()));
        var saf = Assert.Single(await PropertiesAsync(("actor1", "Military Forces of Sudan")));
        Assert.NotEqual(claimId, saf.GetProperty("claim_id").GetInt64());
        Assert.Equal(1, saf.GetProperty("claim_articles").GetInt32());

        // One feature per claim: three events, not four reports.
        var events = await PropertiesAsync(onePerClaim: true);
        Assert.Equal(3, events.Count);
        Assert.Contains(events, p => p.GetProperty("claim_id").GetInt64() == claimId);
    }

    [Fact]
    public async Task Finding_the_other_reports_of_an_event_is_an_index_probe()
    {
        await StoreAsync("Reuters", Shelling(Rsf, Civilians));
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection)) await off.ExecuteNonQueryAsync();
        await using var explain = new NpgsqlCommand(
            "EXPLAIN SELECT * FROM event_claim_of(1, 379252, 'explosions_remote_violence', '2024-05-13', NULL, NULL)", connection);
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync()) while (await reader.ReadAsync()) plan.Add(reader.GetString(0));
        Assert.Contains(plan, line => line.Contains("events_claim_idx", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Acled_csv_has_acleds_columns_in_order_and_one_row_per_event()
    {
        await StoreAsync("Reuters", Shelling(Rsf, Civilians));
        await StoreAsync("AP", Shelling(Rsf, Civilians));
        var stored = DateTimeOffset.UtcNow;

        var output = new StringWriter();
        var query = FeatureCsv.Query(new FeatureQuery(FeatureCatalogue.Find("events")!, 1), CsvSchema.Acled);
        var csv = FeatureCsv.Create(output, query.Collection, CsvSchema.Acled, () => CountryCodes.Load(Gazetteer.LocateGeodata()));
        await csv.WriteHeaderAsync();
        await foreach (var row in FeatureExport.ReadAllAsync(new FeatureStore(dataSource), query)) await csv.WriteAsync(row);

        var lines = output.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2," +
            "assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude," +
            "geo_precision,source,source_scale,notes,fatalities,tags,timestamp", lines[0]);
        Assert.Equal(2, lines.Length);
        var claimId = (await PropertiesAsync()).Min(p => p.GetProperty("claim_id").GetInt64());
        var cells = lines[0].Split(',').Zip(CsvCells(lines[1])).ToDictionary(c => c.First, c => c.Second);
        Assert.Equal("SDN" + claimId, cells["event_id_cnty"]);
        Assert.Equal("2024-05-13", cells["event_date"]);
        Assert.Equal("2024", cells["year"]);
        Assert.Equal("1", cells["time_precision"]);
        Assert.Equal("Political violence", cells["disorder_type"]);
        Assert.Equal("Explosions/Remote violence", cells["event_type"]);
        Assert.Equal("Shelling/artillery/missile attack", cells["sub_event_type"]);
        Assert.Equal("Rapid Support Forces", cells["actor1"]);
        Assert.Equal("2", cells["inter1"]);
        Assert.Equal("Civilians (Sudan)", cells["actor2"]);
        Assert.Equal("7", cells["inter2"]);
        Assert.Equal("27", cells["interaction"]);
        Assert.Equal("Civilian targeting", cells["civilian_targeting"]);
        Assert.Equal("729", cells["iso"]);
        Assert.Equal("Northern Africa", cells["region"]);
        Assert.Equal("Sudan", cells["country"]);
        Assert.Equal("North Darfur", cells["admin1"]);
        Assert.Equal("El Fasher", cells["location"]);
        Assert.Equal(13.62793, double.Parse(cells["latitude"], CultureInfo.InvariantCulture), 5);
        Assert.Equal(25.34936, double.Parse(cells["longitude"], CultureInfo.InvariantCulture), 5);
        Assert.Equal("1", cells["geo_precision"]);
        Assert.Equal("AP; Reuters", cells["source"]);
        Assert.Equal(Sentence, cells["notes"]);
        Assert.Equal("12", cells["fatalities"]);
        Assert.InRange(long.Parse(cells["timestamp"], CultureInfo.InvariantCulture), stored.AddMinutes(-5).ToUnixTimeSeconds(), stored.ToUnixTimeSeconds() + 5);
        Assert.All(new[] { "assoc_actor_1", "assoc_actor_2", "admin3", "source_scale", "tags" }, c => Assert.Equal("", cells[c]));
    }

    /// <summary>The cells of one RFC 4180 row.</summary>
    internal static List<string> CsvCells(string line)
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

    private static (int X, int Y) TileOf(GazetteerEntry place, int zoom)
    {
        var n = 1 << zoom;
        var latitude = place.Latitude * Math.PI / 180;
        return ((int)((place.Longitude + 180) / 360 * n), (int)((1 - Math.Log(Math.Tan(latitude) + 1 / Math.Cos(latitude)) / Math.PI) / 2 * n));
    }
}
