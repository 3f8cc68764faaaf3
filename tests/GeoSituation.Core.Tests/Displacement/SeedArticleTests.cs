using GeoSituation.Core.Articles;
using GeoSituation.Core.Displacement;
using GeoSituation.Core.Events;
using GeoSituation.Core.Gazetteer;
using GeoSituation.Core.Tests.Gazetteer;
using Xunit.Abstractions;

namespace GeoSituation.Core.Tests.Displacement;

/// <summary>The seed article end to end: real gazetteer, real geoparser, both extractors, through <see cref="ArticleAnalyzer"/>.</summary>
[Collection(GazetteerCollection.Name)]
public sealed class SeedArticleTests(GazetteerFixture fixture, ITestOutputHelper output)
{
    private static readonly DateTimeOffset Published = new(2024, 2, 13, 18, 0, 0, TimeSpan.Zero);

    private ArticleAnalysis Analyze(DateTimeOffset? published)
    {
        var path = Path.Combine(RepositoryRoot(), "seeds", "000_28ee8bba0a41b224.txt");
        var lines = File.ReadAllText(path);
        var newline = lines.IndexOf('\n');
        var article = new ArticleInput { Title = lines[..newline].Trim(), Text = lines[(newline + 1)..], Published = published };
        var analysis = new ArticleAnalyzer(fixture.Gazetteer).Analyze(article);
        foreach (var t in analysis.Toponyms)
        {
            output.WriteLine($"toponym {t.Surface} [{t.Span.Start},{t.Span.End}) -> {t.Place.Name} {t.Place.Kind} ({t.Place.Id}) {t.Confidence}");
        }
        foreach (var s in analysis.Sentences) output.WriteLine($"sentence [{s.Start},{s.End}) {article.Text[s.Start..Math.Min(s.End, s.Start + 40)]}");
        foreach (var f in analysis.Displacement)
        {
            output.WriteLine($"figure {f.People} {f.Qualifier} {f.Direction} {f.Place?.Name} from {f.Origin?.Name} as of {f.AsOf} ({f.AsOfBasis}) conf {f.Confidence}: {f.NumberText}");
        }
        foreach (var e in analysis.Events)
        {
            output.WriteLine($"event {e.Type}/{e.SubType} at {e.Place.Name} ({e.Place.Id}) {e.Date} geo {e.GeoPrecision} time {e.TimePrecision} fatalities {e.Fatalities} conf {e.Confidence}: {article.Text[e.Sentence.Start..e.Sentence.End]}");
        }
        return analysis;
    }

    [Fact]
    public void The_seed_yields_one_figure_of_approximately_1_4_million_at_Rafah_as_of_the_article_date()
    {
        var analysis = Analyze(Published);

        var figure = Assert.Single(analysis.Displacement);
        Assert.Equal(1_400_000, figure.People);
        Assert.Equal("approximately", figure.Qualifier);
        Assert.Equal("approximately", figure.QualifierText);
        Assert.Equal(DisplacementDirection.At, figure.Direction);
        AssertRafah(figure.Place);
        Assert.Equal(new DateOnly(2024, 2, 13), figure.AsOf);
        Assert.Equal(AsOfBasis.Published, figure.AsOfBasis);
        Assert.Equal("approximately 1.4 million", analysis.Article.Text[figure.Span.Start..figure.Span.End]);
        Assert.Contains("fled other areas", analysis.Article.Text[figure.Sentence.Start..figure.Sentence.End], StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_publication_date_the_figure_says_its_date_is_unknown()
    {
        var figure = Assert.Single(Analyze(null).Displacement);
        Assert.Null(figure.AsOf);
        Assert.Equal(AsOfBasis.Unknown, figure.AsOfBasis);
    }

    [Fact]
    public void The_seed_yields_a_battle_with_more_than_30_dead_in_Khan_Yunis()
    {
        var events = Analyze(Published).Events;

        // The offensive "focused on the south of the Gaza Strip" is placed at the Southern Gaza region, whose point lies
        // near Khan Yunis too: the battle is the one at the town.
        var battle = Assert.Single(events, e => e.Place.Kind == PlaceKind.City && IsNear(e.Place, 31.34018, 34.30627, 5));
        Assert.Equal(SituationEventType.Battles, battle.Type);
        Assert.Equal(30, battle.Fatalities);
        Assert.InRange(battle.GeoPrecision, 1, 2);
    }

    [Fact]
    public void The_seed_yields_talks_in_Cairo_dated_this_Tuesday()
    {
        var events = Analyze(Published).Events;

        // Cairo the city or Cairo governorate, whichever the geoparser picks: the talks are in Cairo either way.
        var talks = Assert.Single(events, e => IsNear(e.Place, 30.06263, 31.24967, 25));
        Assert.Equal("EG", talks.Place.CountryCode);
        Assert.Equal(SituationEventType.StrategicDevelopments, talks.Type);
        Assert.Equal("talks", talks.SubType);
        Assert.Equal(new DateOnly(2024, 2, 13), talks.Date);
        Assert.Equal(1, talks.TimePrecision);
    }

    [Fact]
    public void The_seed_yields_a_troop_order_and_a_planned_offensive_in_Rafah_and_no_violence_there()
    {
        // The troop order ("ordered troops to be ready to arrive. RefaTo achieve ...") takes its place from the
        // glued "RefaTo" opening the next sentence, which the geoparser reads as Rafah.
        var events = Analyze(Published).Events;

        var rafah = events.Where(e => IsNear(e.Place, 31.29722, 34.24357, 5)).ToList();
        Assert.NotEmpty(rafah);
        Assert.All(rafah, e => AssertRafah(e.Place));
        Assert.All(rafah, e => Assert.Equal(SituationEventType.StrategicDevelopments, e.Type));
        Assert.Contains(rafah, e => e.SubType == "troop order");
        Assert.Contains(rafah, e => e.SubType == "planned offensive");
    }

    // The geoparser may resolve "Rafah" to the city, its admin area or the governorate named after it: all are
    // Rafah to a planner, so the test asks for a place named Rafah within about 5 km of the GeoNames city.
    private static void AssertRafah(Core.Gazetteer.GazetteerEntry? place)
    {
        Assert.NotNull(place);
        Assert.StartsWith("Rafa", place.Name, StringComparison.Ordinal);
        Assert.InRange(place.Latitude, 31.297 - 0.045, 31.297 + 0.045);
        Assert.InRange(place.Longitude, 34.244 - 0.055, 34.244 + 0.055);
        Assert.Equal("PS", place.CountryCode);
    }

    private static bool IsNear(Core.Gazetteer.GazetteerEntry place, double latitude, double longitude, double km)
    {
        var dy = (place.Latitude - latitude) * 111.2;
        var dx = (place.Longitude - longitude) * 111.2 * Math.Cos(latitude * Math.PI / 180);
        return Math.Sqrt(dx * dx + dy * dy) <= km;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GeoSituation.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new DirectoryNotFoundException("GeoSituation.sln not found above the test binaries");
    }
}
