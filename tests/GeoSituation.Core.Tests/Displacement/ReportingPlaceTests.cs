using System.Globalization;
using GeoSituation.Core.Articles;
using GeoSituation.Core.Displacement;
using GeoSituation.Core.Tests.Gazetteer;
using GeoSituation.Core.Text;

namespace GeoSituation.Core.Tests.Displacement;

/// <summary>
/// A place attached to a reporting verb ("the UN said from Cairo", "told reporters in Geneva") or a dateline
/// ("CAIRO (Reuters) -") is where the news was told: never the origin or the destination of a figure.
/// Reported by the map engineer: Cairo became the origin of a flow to Gaza.
/// </summary>
[Collection(GazetteerCollection.Name)]
public sealed class ReportingPlaceTests(GazetteerFixture fixture)
{
    private static readonly DateTimeOffset Published = new(2024, 2, 13, 12, 0, 0, TimeSpan.Zero);

    // Place <- origin as the test tagger names them; "-" for none.
    [Theory]
    [InlineData("20,000 people fled south to Rafah, the UN said from Cairo.", "Rafah", "-")]
    [InlineData("Israeli tanks pushed into Deir al-Balah on Monday. Some 20,000 people fled south to Rafah, the UN said from Cairo.", "Rafah", "Deir al-Balah")]
    [InlineData("Israeli tanks pushed into Deir al-Balah on Monday. Some 20,000 people fled and are sheltering in tents, the UN said from Cairo.", "Deir al-Balah", "-")]
    [InlineData("20,000 people fled south to Rafah, a UN official told reporters in Cairo.", "Rafah", "-")]
    [InlineData("Some 20,000 people have been displaced, a UN official told a news conference on Tuesday in Cairo, most of them from Khan Younis.", "Khan Yunis", "-")]
    [InlineData("20,000 people fled to Rafah, the agency said by phone from Cairo.", "Rafah", "-")]
    [InlineData("CAIRO (Reuters) - 20,000 people fled south to Rafah, the UN said.", "Rafah", "-")]
    [InlineData("CAIRO, Feb 13 (AP) - More than 10,000 people have been displaced in Khan Younis this week, OCHA said.", "Khan Yunis", "-")]
    public void A_reporting_place_is_neither_origin_nor_destination(string text, string place, string origin)
    {
        var figure = Assert.Single(new DisplacementExtractor().Extract(text, SentenceSplitter.Split(text), TestPlaces.Tag(text), Published));

        Assert.Equal(place, figure.Place?.Name);
        Assert.Equal(origin, figure.Origin?.Name ?? "-");
    }

    [Theory]
    // Still origins and destinations: no reporting verb governs the preposition.
    [InlineData("More than 100,000 people fled from Khan Younis to Rafah in the past week.", "Rafah", "Khan Yunis")]
    [InlineData("UNRWA said 1.4 million people are sheltering in Rafah.", "Rafah", "-")]
    [InlineData("Officials said Palestinians in Rafah number 1.4 million displaced people.", "Rafah", "-")]
    [InlineData("Rafah, a city of 275,000 before the war, now hosts 1.4 million displaced people.", "Rafah", "-")]
    public void Places_outside_a_reporting_phrase_keep_their_roles(string text, string place, string origin)
    {
        var figure = Assert.Single(new DisplacementExtractor().Extract(text, SentenceSplitter.Split(text), TestPlaces.Tag(text), Published));

        Assert.Equal(place, figure.Place?.Name);
        Assert.Equal(origin, figure.Origin?.Name ?? "-");
    }

    [Fact]
    public void The_reported_text_through_the_real_geoparser_puts_the_figure_at_Rafah_with_no_origin_in_Cairo()
    {
        const string text = "Israeli tanks pushed into Deir al-Balah on Monday. Some 20,000 people fled south to Rafah, the UN said from Cairo.";
        var analysis = new ArticleAnalyzer(fixture.Gazetteer).Analyze(new ArticleInput { Text = text, Published = Published });

        var figure = Assert.Single(analysis.Displacement);
        Assert.Equal(20_000, figure.People);
        Assert.Equal(DisplacementDirection.At, figure.Direction);
        // Rafah by its GeoNames id (the city); the flow's origin is the place the text was about, not Cairo (360630).
        Assert.Equal(281102, figure.Place?.Id);
        Assert.NotEqual(360630, figure.Origin?.Id);
        Assert.Equal(281141, figure.Origin?.Id);
        Assert.Equal("2024-02-13", figure.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
