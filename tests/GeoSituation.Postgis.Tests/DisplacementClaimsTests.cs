using System.Text.Json;
using GeoSituation.Core.Articles;
using GeoSituation.Core.Displacement;
using GeoSituation.Core.Gazetteer;
using GeoSituation.Core.Text;
using GeoSituation.Postgis.Articles;
using GeoSituation.Postgis.Database;
using GeoSituation.Postgis.Embedded;
using GeoSituation.Postgis.Features;
using GeoSituation.Postgis.Migrations;
using Npgsql;

namespace GeoSituation.Postgis.Tests;

/// <summary>
/// Claims, not copies (issue 12): one figure quoted by several outlets is one claim with all its sources; the unit, the
/// household size, the movement and the quoted agency are stored and served.
/// </summary>
/// <remarks>A database of its own in the shared cluster, so its figures enter no other test's counts.</remarks>
[Collection(PostgisCollection.Name)]
public sealed class DisplacementClaimsTests(PostgisFixture fixture) : IAsyncLifetime
{
    private static readonly Lazy<Gazetteer> SharedGazetteer = new(() => Gazetteer.Load(Gazetteer.LocateGeodata()));
    private NpgsqlDataSource dataSource = null!;
    private GazetteerEntry Adre => SharedGazetteer.Value.Lookup("Adré").Select(h => SharedGazetteer.Value.Entries[h.Entry]).First(e => e.CountryCode == "TD");
    private GazetteerEntry Goma => SharedGazetteer.Value.Get(216281)!;

    public async Task InitializeAsync()
    {
        var cluster = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions
        {
            DataFolder = fixture.DataFolder, Durable = false, Database = "claims_" + Guid.NewGuid().ToString("N")[..12],
        });
        dataSource = GeoDataSource.Create(cluster.ConnectionString);
        await Migrator.MigrateAsync(dataSource);
    }

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    private async Task StoreAsync(string source, string published, DisplacementFigure figure)
    {
        var text = $"{figure.NumberText} fled, {source} reported ({Guid.NewGuid():N}).";
        var sentences = SentenceSplitter.Split(text);
        var date = DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture);
        var input = new ArticleInput
        {
            Title = source, Text = text, Source = source, Url = $"https://{source.ToLowerInvariant()}.example/{Guid.NewGuid():N}",
            Published = new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero),
        };
        var stored = figure with { Sentence = sentences[0], Span = new TextSpan(0, figure.NumberText.Length), AsOf = date };
        await new ArticleStore(dataSource).SaveAsync(new ArticleAnalysis(input, ContentHash.Of(text), sentences, [], [stored], []));
    }

    private static DisplacementFigure Figure(long people, GazetteerEntry place, string? agency = "UNHCR") => new()
    {
        People = people, Low = people, High = people, NumberText = people.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
        Direction = DisplacementDirection.At, Place = place, AsOfBasis = AsOfBasis.Published, Span = new TextSpan(0, 1),
        Sentence = new TextSpan(0, 1), Confidence = 0.8, StatedCount = people, SourceAgency = agency,
    };

    private async Task<List<JsonElement>> ReadAllAsync(string collection)
    {
        var features = new List<JsonElement>();
        await foreach (var row in new FeatureStore(dataSource).ReadAsync(new FeatureQuery(FeatureCatalogue.Find(collection)!, 10000)))
            features.Add(JsonDocument.Parse(row.Json).RootElement.Clone());
        return features;
    }

    [Fact]
    public async Task One_figure_quoted_by_three_outlets_is_one_claim_with_three_articles()
    {
        // The same UNHCR figure for Adré in three outlets over four days, and another figure the same week.
        await StoreAsync("Reuters", "2024-05-13", Figure(150_000, Adre));
        await StoreAsync("AP", "2024-05-14", Figure(150_000, Adre));
        await StoreAsync("AFP", "2024-05-16", Figure(150_000, Adre));
        await StoreAsync("AFP", "2024-05-16", Figure(170_000, Adre, agency: "IOM"));

        var figures = (await ReadAllAsync("displacement")).Select(f => f.GetProperty("properties")).ToList();
        var copies = figures.Where(p => p.GetProperty("people").GetInt64() == 150_000).ToList();
        Assert.Equal(3, copies.Count);
        Assert.Single(copies.Select(p => p.GetProperty("claim_id").GetInt64()).Distinct());
        Assert.All(copies, p => Assert.Equal(3, p.GetProperty("claim_articles").GetInt32()));
        Assert.All(copies, p => Assert.Equal("UNHCR", p.GetProperty("source_agency").GetString()));
        var other = Assert.Single(figures, p => p.GetProperty("people").GetInt64() == 170_000);
        Assert.NotEqual(copies[0].GetProperty("claim_id").GetInt64(), other.GetProperty("claim_id").GetInt64());

        var week = Assert.Single(await ReadAllAsync("displacement-summary"), f => f.GetProperty("properties").GetProperty("direction").GetString() == "at").GetProperty("properties");
        Assert.Equal(4, week.GetProperty("figures").GetInt32());
        Assert.Equal(2, week.GetProperty("claims").GetInt32());
        Assert.Equal("IOM; UNHCR", week.GetProperty("agencies").GetString());
    }

    [Fact]
    public async Task Households_are_served_in_their_unit_with_the_size_used_and_marked_converted()
    {
        await StoreAsync("OCHA", "2024-03-02", Figure(16_640, Goma, agency: "IOM DTM") with
        {
            Unit = FigureUnit.Families, StatedCount = 3_200, HouseholdSize = 5.2, Movement = MovementKind.Returned,
        });
        var p = Assert.Single(await ReadAllAsync("displacement")).GetProperty("properties");
        Assert.Equal(16_640, p.GetProperty("people").GetInt64());
        Assert.Equal("families", p.GetProperty("unit").GetString());
        Assert.Equal(3_200, p.GetProperty("stated_count").GetInt64());
        Assert.Equal(5.2, p.GetProperty("household_size").GetDouble(), 3);
        Assert.True(p.GetProperty("converted").GetBoolean());
        Assert.Equal("returned", p.GetProperty("movement").GetString());
        Assert.Equal("IOM DTM", p.GetProperty("source_agency").GetString());
    }
}
