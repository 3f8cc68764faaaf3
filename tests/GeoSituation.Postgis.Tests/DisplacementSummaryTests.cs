using System.Diagnostics;
using System.Text.Json;
using GeoSituation.Core.Articles;
using GeoSituation.Core.Displacement;
using GeoSituation.Core.Gazetteer;
using GeoSituation.Core.Text;
using GeoSituation.Postgis.Articles;
using GeoSituation.Postgis.Basemap;
using GeoSituation.Postgis.Database;
using GeoSituation.Postgis.Embedded;
using GeoSituation.Postgis.Features;
using GeoSituation.Postgis.Migrations;
using GeoSituation.Postgis.Tiles;
using Npgsql;

namespace GeoSituation.Postgis.Tests;

/// <summary>
/// The displacement, displacement-summary and flows collections on real PostGIS, with the real gazetteer's Gaza
/// governorate polygons in the basemap table: several publishers disagreeing about Rafah in the same week.
/// </summary>
/// <remarks>
/// A database of its own in the shared cluster: the basemap and these figures must not change what the other
/// tests count, and their articles must not enter these summaries.
/// </remarks>
[Collection(PostgisCollection.Name)]
public sealed class DisplacementSummaryTests(PostgisFixture fixture) : IAsyncLifetime
{
    private static readonly Lazy<Gazetteer> SharedGazetteer = new(() => Gazetteer.Load(Gazetteer.LocateGeodata()));

    private NpgsqlDataSource dataSource = null!;
    private Gazetteer gazetteer = null!;

    private GazetteerEntry Rafah => gazetteer.Get(281102)!;
    private GazetteerEntry KhanYunis => gazetteer.Get(281124)!;
    private GazetteerEntry RafahGovernorate => gazetteer.Entries.First(e => e.Kind == PlaceKind.AdminArea && e.PCode == "PS0275");

    public async Task InitializeAsync()
    {
        gazetteer = SharedGazetteer.Value;
        // Started on the fixture's folder, the launcher shares the running cluster and creates this database in it.
        var cluster = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions
        {
            DataFolder = fixture.DataFolder, Durable = false, Database = "summary_" + Guid.NewGuid().ToString("N")[..12],
        });
        dataSource = GeoDataSource.Create(cluster.ConnectionString);
        await Migrator.MigrateAsync(dataSource);
        // The Palestinian regions and governorates: the polygons the P-code and area come from.
        await BasemapLoader.LoadIfEmptyAsync(dataSource, gazetteer.Entries.Where(e => e.CountryCode == "PS" && e.Kind != PlaceKind.City).ToList());
    }

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    /// <summary>One article from <paramref name="source"/> with one figure.</summary>
    private async Task StoreAsync(string source, string published, string numberText, long people, long? low, long? high, string? qualifier,
        GazetteerEntry place, DisplacementDirection direction = DisplacementDirection.At, GazetteerEntry? origin = null, bool vague = false)
    {
        var date = DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture);
        var text = $"{numberText} people are displaced in {place.Name}, {source} said ({Guid.NewGuid():N}).";
        var sentences = SentenceSplitter.Split(text);
        var figure = new DisplacementFigure
        {
            People = people, Low = low, High = high, Qualifier = qualifier, QualifierText = qualifier is null ? null : numberText.Split(' ')[0],
            NumberText = numberText, IsVague = vague, Direction = direction, Place = place, Origin = origin,
            AsOf = date, AsOfBasis = AsOfBasis.Published, Span = new TextSpan(0, numberText.Length), Sentence = sentences[0], Confidence = 0.8,
        };
        var input = new ArticleInput
        {
            Title = $"{source} on {place.Name}", Text = text, Source = source, Url = $"https://{source.ToLowerInvariant()}.example/{Guid.NewGuid():N}",
            Published = new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero),
        };
        await new ArticleStore(dataSource).SaveAsync(new ArticleAnalysis(input, ContentHash.Of(text), sentences, [], [figure], []));
    }

    private async Task SeedDisagreementAsync()
    {
        // Week 2024-W07 (12-18 February 2024), people at Rafah (the town): three publishers, four figures.
        await StoreAsync("UNRWA", "2024-02-12", "Up to 1.7 million", 1_700_000, null, 1_700_000, "up to", Rafah);
        await StoreAsync("Reuters", "2024-02-13", "Some 1.4 million", 1_400_000, 1_400_000, 1_400_000, "some", Rafah);
        await StoreAsync("AP", "2024-02-14", "Between 1.5 and 1.9 million", 1_500_000, 1_500_000, 1_900_000, null, Rafah);
        await StoreAsync("Reuters", "2024-02-15", "About 1.6 million", 1_600_000, 1_600_000, 1_600_000, "about", Rafah);
        // Same place and week but other questions: people who fled Rafah, and a movement into it.
        await StoreAsync("AP", "2024-02-14", "Tens of thousands", 20_000, 20_000, null, null, Rafah, DisplacementDirection.From, vague: true);
        await StoreAsync("Reuters", "2024-02-16", "More than 100,000", 100_000, 100_000, null, "more than", Rafah, origin: KhanYunis);
        // The next week.
        await StoreAsync("OCHA", "2024-02-19", "1.2 million", 1_200_000, 1_200_000, 1_200_000, null, Rafah);
        // The governorate itself, which has an (approximate) area.
        await StoreAsync("OCHA", "2024-02-13", "Approximately 1.5 million", 1_500_000, 1_500_000, 1_500_000, "approximately", RafahGovernorate);
    }

    private async Task<List<JsonElement>> ReadAllAsync(string collection)
    {
        var store = new FeatureStore(dataSource);
        var features = new List<JsonElement>();
        await foreach (var row in store.ReadAsync(new FeatureQuery(FeatureCatalogue.Find(collection)!, 10000))) features.Add(JsonDocument.Parse(row.Json).RootElement.Clone());
        return features;
    }

    private static JsonElement Single(List<JsonElement> features, Func<JsonElement, bool> where) => Assert.Single(features, f => where(f.GetProperty("properties")));

    [Fact]
    public async Task Summary_keeps_the_latest_the_lowest_and_the_highest_figure_with_their_sources_and_never_averages()
    {
        await SeedDisagreementAsync();
        var summary = await ReadAllAsync("displacement-summary");

        var week = Single(summary, p => p.GetProperty("place_id").GetString() == "281102" && p.GetProperty("direction").GetString() == "at" && p.GetProperty("period").GetString() == "2024-W07");
        var p = week.GetProperty("properties");
        Assert.Equal("2024-02-12", p.GetProperty("period_start").GetString());
        Assert.Equal("2024-02-18", p.GetProperty("period_end").GetString());
        // Latest: the 15 February figure.
        Assert.Equal(1_600_000, p.GetProperty("people").GetInt64());
        Assert.Equal("about", p.GetProperty("qualifier").GetString());
        Assert.Equal("2024-02-15", p.GetProperty("as_of").GetString());
        Assert.Equal("Reuters", p.GetProperty("source").GetString());
        // Lowest and highest ends stated by any source, each with its source.
        Assert.Equal(1_400_000, p.GetProperty("low").GetInt64());
        Assert.Equal("Reuters", p.GetProperty("low_source").GetString());
        Assert.Equal("Some 1.4 million", p.GetProperty("low_number_text").GetString());
        Assert.Equal(1_900_000, p.GetProperty("high").GetInt64());
        Assert.Equal("AP", p.GetProperty("high_source").GetString());
        Assert.Equal("Between 1.5 and 1.9 million", p.GetProperty("high_number_text").GetString());
        // Three publishers (Reuters twice), four figures.
        Assert.Equal(3, p.GetProperty("sources").GetInt32());
        Assert.Equal("AP; Reuters; UNRWA", p.GetProperty("source_names").GetString());
        Assert.Equal(4, p.GetProperty("figures").GetInt32());
        Assert.Equal(4, p.GetProperty("articles").GetInt32());
        // No number that no source stated: the mean of the four (1.55 million) appears nowhere.
        long[] stated = [1_700_000, 1_400_000, 1_500_000, 1_900_000, 1_600_000];
        foreach (var name in new[] { "people", "low", "high" }) Assert.Contains(p.GetProperty(name).GetInt64(), stated);
        Assert.DoesNotContain("1550000", week.GetRawText(), StringComparison.Ordinal);
        // A town has no area: no density. Its P-code comes from the governorate polygon it lies in (surveyed outlines
        // from geodata/humanitarian since issue 12, so not approximate).
        Assert.Equal(JsonValueKind.Null, p.GetProperty("density_per_km2").ValueKind);
        Assert.Equal("PS0275", p.GetProperty("pcode").GetString());
        Assert.False(p.GetProperty("pcode_approximate").GetBoolean());
        // On the town's point.
        Assert.Equal(34.24357, week.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble(), 4);
    }

    [Fact]
    public async Task Summary_separates_weeks_directions_and_movements()
    {
        await SeedDisagreementAsync();
        var summary = await ReadAllAsync("displacement-summary");
        var rafah = summary.Where(f => f.GetProperty("properties").GetProperty("place_id").GetString() == "281102").Select(f => f.GetProperty("properties")).ToList();

        var next = Assert.Single(rafah, p => p.GetProperty("period").GetString() == "2024-W08");
        Assert.Equal(1_200_000, next.GetProperty("people").GetInt64());
        Assert.Equal(1, next.GetProperty("sources").GetInt32());

        var fled = Assert.Single(rafah, p => p.GetProperty("direction").GetString() == "from");
        Assert.Equal(20_000, fled.GetProperty("people").GetInt64());
        Assert.Equal("Tens of thousands", fled.GetProperty("number_text").GetString());

        // "100,000 fled from Khan Younis to Rafah" counts a movement, not the people in Rafah: it is not the latest "at" figure.
        var arrived = Assert.Single(rafah, p => p.GetProperty("direction").GetString() == "to");
        Assert.Equal(100_000, arrived.GetProperty("people").GetInt64());
        Assert.Equal(4, rafah.Count);
        // Feature ids are unique across the collection (keyset paging and MVT ids rely on it).
        Assert.Equal(summary.Count, summary.Select(f => f.GetProperty("id").GetInt64()).Distinct().Count());
    }

    [Fact]
    public async Task A_governorate_has_its_area_and_a_density()
    {
        await SeedDisagreementAsync();
        var summary = await ReadAllAsync("displacement-summary");

        var p = Single(summary, p => p.GetProperty("place_id").GetString() == RafahGovernorate.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).GetProperty("properties");
        Assert.Equal("PS0275", p.GetProperty("pcode").GetString());
        Assert.False(p.GetProperty("pcode_approximate").GetBoolean());
        var area = p.GetProperty("area_km2").GetDouble();
        // Rafah governorate is about 64 km² (PCBS); its outline is Who's On First's (geodata/humanitarian), not a sketch.
        Assert.InRange(area, 45, 85);
        Assert.False(p.GetProperty("area_approximate").GetBoolean());
        // area_km2 is rounded to 0.1 km² for display; the density is computed from the exact area.
        Assert.InRange(p.GetProperty("density_per_km2").GetDouble(), 1_500_000 / area * 0.995, 1_500_000 / area * 1.005);
        Assert.Equal(p.GetProperty("density_per_km2").GetDouble(), p.GetProperty("density_low_per_km2").GetDouble());
    }

    [Fact]
    public async Task Displacement_features_carry_wording_vagueness_basis_source_and_governorate_pcode()
    {
        await SeedDisagreementAsync();
        var figures = await ReadAllAsync("displacement");

        var vague = Single(figures, p => p.GetProperty("number_text").GetString() == "Tens of thousands").GetProperty("properties");
        Assert.True(vague.GetProperty("is_vague").GetBoolean());
        Assert.Equal(JsonValueKind.Null, vague.GetProperty("high").ValueKind);
        var upTo = Single(figures, p => p.GetProperty("number_text").GetString() == "Up to 1.7 million").GetProperty("properties");
        Assert.Equal("up to", upTo.GetProperty("qualifier").GetString());
        Assert.Equal("Up", upTo.GetProperty("qualifier_text").GetString());
        Assert.False(upTo.GetProperty("is_vague").GetBoolean());
        Assert.Equal("published", upTo.GetProperty("as_of_basis").GetString());
        Assert.Equal("2024-02-12", upTo.GetProperty("as_of").GetString());
        Assert.Equal("UNRWA", upTo.GetProperty("source").GetString());
        Assert.StartsWith("https://unrwa.example/", upTo.GetProperty("article_url").GetString(), StringComparison.Ordinal);
        Assert.Equal("UNRWA on " + Rafah.Name, upTo.GetProperty("article_title").GetString());
        Assert.Contains("Up to 1.7 million", upTo.GetProperty("quote").GetString(), StringComparison.Ordinal);
        Assert.Equal(281102, upTo.GetProperty("geonameid").GetInt64());
        Assert.Equal("PS0275", upTo.GetProperty("pcode").GetString());
        Assert.False(upTo.GetProperty("pcode_approximate").GetBoolean());
        Assert.Equal("Rafah Governorate", upTo.GetProperty("admin_area").GetString());
        Assert.Equal(0.8, upTo.GetProperty("confidence").GetDouble(), 3);
    }

    [Fact]
    public async Task A_town_outside_the_governorates_has_no_pcode()
    {
        var cairo = gazetteer.Get(360630)!;
        await StoreAsync("AFP", "2024-02-13", "Some 5,000", 5_000, 5_000, 5_000, "some", cairo);
        var figures = await ReadAllAsync("displacement");

        var p = Single(figures, p => p.GetProperty("place_id").GetString() == "360630").GetProperty("properties");
        Assert.Equal(JsonValueKind.Null, p.GetProperty("pcode").ValueKind);
        Assert.Equal(JsonValueKind.Null, p.GetProperty("pcode_approximate").ValueKind);
    }

    [Fact]
    public async Task Flows_are_lines_from_origin_to_destination_with_people_and_source()
    {
        await SeedDisagreementAsync();
        var flows = await ReadAllAsync("flows");

        var flow = Assert.Single(flows);
        var p = flow.GetProperty("properties");
        Assert.Equal(100_000, p.GetProperty("people").GetInt64());
        Assert.Equal(KhanYunis.Id, p.GetProperty("origin_geonameid").GetInt64());
        Assert.Equal(Rafah.Id, p.GetProperty("destination_geonameid").GetInt64());
        Assert.Equal("Reuters", p.GetProperty("source").GetString());
        Assert.Equal("more than", p.GetProperty("qualifier").GetString());
        Assert.Contains("More than 100,000", p.GetProperty("quote").GetString(), StringComparison.Ordinal);
        var line = flow.GetProperty("geometry");
        Assert.Equal("LineString", line.GetProperty("type").GetString());
        Assert.Equal(KhanYunis.Longitude, line.GetProperty("coordinates")[0][0].GetDouble(), 4);
        Assert.Equal(Rafah.Longitude, line.GetProperty("coordinates")[1][0].GetDouble(), 4);
        // The flow's figure is in the displacement collection, at the destination, with its origin.
        var figure = Single(await ReadAllAsync("displacement"), q => q.GetProperty("number_text").GetString() == "More than 100,000");
        Assert.Equal(p.GetProperty("displacement_id").GetInt64(), figure.GetProperty("id").GetInt64());
        Assert.Equal(KhanYunis.Id, figure.GetProperty("properties").GetProperty("origin_geonameid").GetInt64());
    }

    [Fact]
    public async Task Summary_tile_is_a_valid_mvt_for_ogrinfo_and_follows_datetime()
    {
        await SeedDisagreementAsync();
        var tiles = new TileStore(dataSource);
        var source = TileCatalogue.Find("displacement-summary")!;
        // z8 tile 152/104 covers the Gaza Strip.
        var bytes = await tiles.GetTileAsync(source, 8, 152, 104);
        var output = await Ogrinfo.ReadTileAsync(bytes);
        Assert.Contains("Layer name: displacement-summary", output, StringComparison.Ordinal);
        Assert.Contains("high_source (String) = AP", output, StringComparison.Ordinal);
        Assert.Contains("period (String) = 2024-W08", output, StringComparison.Ordinal);

        // Only the week of 19 February.
        var later = await tiles.GetTileAsync(source, 8, 152, 104, new DateTimeOffset(2024, 2, 19, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 2, 20, 0, 0, 0, TimeSpan.Zero));
        var laterOutput = await Ogrinfo.ReadTileAsync(later);
        Assert.Contains("period (String) = 2024-W08", laterOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("period (String) = 2024-W07", laterOutput, StringComparison.Ordinal);

        Assert.Empty(await tiles.GetTileAsync(source, 8, 0, 0));
    }
}
