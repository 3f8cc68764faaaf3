using System.Globalization;
using GeoSituation.Core.Articles;
using GeoSituation.Core.Displacement;
using GeoSituation.Core.Tests.Gazetteer;

namespace GeoSituation.Core.Tests.RealReporting;

/// <summary>
/// One sentence per pattern of real reporting that issue 12 taught the extractor, through the real geoparser and
/// gazetteer. Written for these tests (none is in the corpora), so each pins one behaviour on wording the rules did not
/// see.
/// </summary>
[Collection(GazetteerCollection.Name)]
public sealed class RealReportingPatternTests(GazetteerFixture fixture)
{
    private IReadOnlyList<DisplacementFigure> Figures(string text) =>
        new ArticleAnalyzer(fixture.Gazetteer).Analyze(new ArticleInput
        {
            Text = text,
            Published = DateTimeOffset.Parse("2024-05-14T12:00:00Z", CultureInfo.InvariantCulture),
        }).Displacement;

    [Theory]
    // Destinations: a camp named before "in <country>" is where people went.
    [InlineData("Thousands of Malians fled to the Mbera refugee camp in Mauritania last month, officials said.", 1_000, "Mauritania", "at", "Mali")]
    // Nationality: refugees arriving abroad came from their own country.
    [InlineData("Over 20,000 Sudanese refugees crossed into Chad in the past week, UNHCR said.", 20_000, "Chad", "at", "Sudan")]
    // Deportation: expelled from a foreign country, home is the nationality's country.
    [InlineData("More than 9,000 Afghans were deported from Iran on Sunday.", 9_000, "Afghanistan", "at", "Iran")]
    // A dateline names where the story was filed; the sentence's own place wins.
    [InlineData("WAU, South Sudan (AP) — About 12,000 people have fled Nasir county since the clashes began.", 12_000, "Nasir County", "from", null)]
    // A possessive country before a place qualifies it.
    [InlineData("Nearly 5,000 people have arrived in Kenya's Dadaab camps since March.", 5_000, "Dadaab", "at", null)]
    // A landmark to measure from is not where people are.
    [InlineData("Tawila, some 60 km west of El Fasher, now shelters about 300,000 displaced people.", 300_000, "Tawila", "at", null)]
    public void A_figure_lands_at_the_place_the_sentence_gives_it(string text, long people, string place, string direction, string? origin)
    {
        var figure = Assert.Single(Figures(text));
        Assert.Equal(people, figure.People);
        Assert.NotNull(figure.Place);
        Assert.True(RealReportingCorpus.IsNamed(fixture.Gazetteer, figure.Place, [place], null), $"place {figure.Place.Name}, expected {place}");
        Assert.Equal(direction, WireNames.Of(figure.Direction));
        if (origin is null) Assert.Null(figure.Origin);
        else Assert.True(figure.Origin is not null && RealReportingCorpus.IsNamed(fixture.Gazetteer, figure.Origin, [origin], null), $"origin {figure.Origin?.Name}, expected {origin}");
    }

    [Fact]
    public void Households_are_kept_in_their_unit_and_converted_with_the_country_household_size()
    {
        var figure = Assert.Single(Figures("Some 4,500 households were displaced in Baidoa district this month, according to IOM's Displacement Tracking Matrix."));
        Assert.Equal(FigureUnit.Households, figure.Unit);
        Assert.Equal(4_500, figure.StatedCount);
        Assert.True(figure.IsConverted);
        Assert.Equal((long)Math.Round(4_500 * HouseholdSizes.For("SO")), figure.People);
        Assert.Equal("IOM DTM", figure.SourceAgency);
    }

    [Fact]
    public void A_figure_given_in_households_and_in_people_is_kept_once_in_people()
    {
        var figure = Assert.Single(Figures("The survey found that 2,100 households, or 12,600 individuals, were forced to move at least once in Taiz."));
        Assert.Equal(12_600, figure.People);
        Assert.Equal(FigureUnit.People, figure.Unit);
    }

    [Fact]
    public void Returns_are_movements_to_the_place_people_go_back_to()
    {
        var figure = Assert.Single(Figures("About 2,000 families returned to their homes in Shejaiya after the troops withdrew."));
        Assert.Equal(MovementKind.Returned, figure.Movement);
        Assert.Equal(FigureUnit.Families, figure.Unit);
        Assert.Equal(DisplacementDirection.At, figure.Direction);
        Assert.Contains("Shejaiya", figure.Place!.Name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Roughly 100,000 people remain in the besieged city of El Fasher, according to MSF.")]
    [InlineData("The camp, a town of 40,000 before the war, has one latrine for every 700 people.")]
    [InlineData("The agency warned the number of displaced people could reach 650,000 by December.")]
    [InlineData("Gunmen abducted at least 200 displaced people collecting firewood outside Maiduguri.")]
    [InlineData("Floods damaged 35 IDP settlements in Mogadishu last week.")]
    [InlineData("M23 rebels and Resolution 2773 were discussed as 400 delegates met in Nairobi.")]
    public void Numbers_that_are_not_displacement_are_not_figures(string text) => Assert.Empty(Figures(text));

    [Fact]
    public void A_headline_repeating_the_body_figure_is_one_figure()
    {
        var figures = Figures("UNRWA: 450,000 have fled Rafah\nAn estimated 450,000 people have fled Rafah since the evacuation orders of 6 May, UNRWA said on Tuesday.");
        var figure = Assert.Single(figures);
        Assert.Equal(450_000, figure.People);
        Assert.Equal("UNRWA", figure.SourceAgency);
    }

    [Fact]
    public void A_list_after_a_colon_shares_the_cue_and_takes_its_own_places()
    {
        var figures = Figures("Some 60,000 people returned home in March: 41,000 to Al Jazirah, 12,000 to Sennar and 7,000 to Khartoum.");
        Assert.Equal(4, figures.Count);
        Assert.All(figures, f => Assert.Equal(MovementKind.Returned, f.Movement));
        Assert.Contains("Sennar", figures.Single(f => f.People == 12_000).Place!.Name, StringComparison.Ordinal);
    }
}
