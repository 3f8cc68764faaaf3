using System.Globalization;
using GeoSituation.Core.Events;
using GeoSituation.Core.Geoparsing;
using GeoSituation.Core.Tests.Displacement;
using GeoSituation.Core.Text;

namespace GeoSituation.Core.Tests.Events;

public sealed class EventExtractorTests
{
    private static readonly DateTimeOffset Tuesday = new(2024, 2, 13, 12, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<SituationEvent> Extract(string text, DateTimeOffset? published = null, IReadOnlyList<Toponym>? toponyms = null) =>
        new EventExtractor().Extract(text, SentenceSplitter.Split(text), toponyms ?? TestPlaces.Tag(text), published ?? Tuesday);

    [Theory]
    [InlineData("Israeli forces killed more than 30 militants in Khan Younis on Tuesday.", SituationEventType.Battles, "armed clash", "Khan Yunis", 30)]
    [InlineData("Clashes broke out between the army and armed groups in Khartoum overnight.", SituationEventType.Battles, "armed clash", "Khartoum", null)]
    [InlineData("An Israeli airstrike killed at least 12 people in Rafah.", SituationEventType.ExplosionsRemoteViolence, "air/drone strike", "Rafah", 12)]
    [InlineData("Artillery shelling hit residential blocks in Kharkiv, killing four civilians.", SituationEventType.ExplosionsRemoteViolence, "shelling/artillery/missile attack", "Kharkiv", 4)]
    [InlineData("Gunmen killed nine villagers in El Fasher.", SituationEventType.ViolenceAgainstCivilians, "attack", "El Fasher", 9)]
    [InlineData("Thousands of protesters rallied in Paris against the war.", SituationEventType.Protests, "protest", "Paris", null)]
    [InlineData("Ceasefire talks resumed in Cairo with Egyptian and Qatari mediators.", SituationEventType.StrategicDevelopments, "talks", "Cairo", null)]
    [InlineData("The army ordered troops to advance on Rafah.", SituationEventType.StrategicDevelopments, "troop order", "Rafah", null)]
    [InlineData("Israel is preparing a ground offensive in Rafah.", SituationEventType.StrategicDevelopments, "planned offensive", "Rafah", null)]
    [InlineData("A convoy of aid trucks reached Gaza City for the first time in weeks.", SituationEventType.HumanitarianAccess, "aid delivery", "Gaza", null)]
    [InlineData("The Rafah crossing was closed to aid on Monday.", SituationEventType.HumanitarianAccess, "crossing", "Rafah", null)]
    public void Reports_one_event_with_its_ACLED_type_place_and_fatalities(string text, SituationEventType type, string subType, string place, int? fatalities)
    {
        var situationEvent = Assert.Single(Extract(text));

        Assert.Equal(type, situationEvent.Type);
        Assert.Equal(subType, situationEvent.SubType);
        Assert.Equal(place, situationEvent.Place.Name);
        Assert.Equal(fatalities, situationEvent.Fatalities);
        Assert.Equal(new TextSpan(0, text.Length), situationEvent.Sentence);
    }

    [Theory]
    [InlineData("Talks to end the fighting in the Gaza Strip continued.")]
    [InlineData("Egyptian officials said the talks were constructive.")]
    [InlineData("Qatar's prime minister met the CIA director.")]
    [InlineData("At least 28,000 Palestinians have been killed in Gaza since October.")]
    [InlineData("You may be interested in: Israeli forces kill two senior Hamas members in Rafah")]
    [InlineData("The weather in Cairo was mild on Tuesday.")]
    [InlineData("A fire that killed four children destroyed a house in Kherson.")]
    [InlineData("A woman in Cairo has died of bird flu.")]
    [InlineData("Missile defences are being built in Poland.")]
    [InlineData("A man from Paris was arrested on Sunday on fraud charges.")]
    public void Reports_nothing_for_ended_fighting_actors_running_totals_teasers_and_non_events(string text)
    {
        Assert.Empty(Extract(text));
    }

    [Fact]
    public void Geo_precision_follows_ACLED_town_vicinity_and_region()
    {
        Assert.Equal(1, Assert.Single(Extract("Clashes erupted in Khan Younis.")).GeoPrecision);
        Assert.Equal(2, Assert.Single(Extract("Clashes erupted on the outskirts of Khan Younis.")).GeoPrecision);
        Assert.Equal(3, Assert.Single(Extract("Clashes erupted across the West Bank.")).GeoPrecision);
    }

    [Fact]
    public void Time_precision_is_the_day_for_a_stated_day_and_the_week_for_the_publication_date_alone()
    {
        var stated = Assert.Single(Extract("Clashes erupted in Khan Younis on Sunday."));
        Assert.Equal(new DateOnly(2024, 2, 11), stated.Date);
        Assert.Equal(1, stated.TimePrecision);

        var unstated = Assert.Single(Extract("Clashes erupted in Khan Younis."));
        Assert.Equal(new DateOnly(2024, 2, 13), unstated.Date);
        Assert.Equal(2, unstated.TimePrecision);

        var undated = Assert.Single(new EventExtractor().Extract("Clashes erupted in Khan Younis.", SentenceSplitter.Split("Clashes erupted in Khan Younis."), TestPlaces.Tag("Clashes erupted in Khan Younis."), null));
        Assert.Null(undated.Date);
        Assert.Equal(3, undated.TimePrecision);
    }

    [Fact]
    public void Two_cues_for_two_places_in_one_sentence_give_two_events()
    {
        var events = Extract("While talks continued in Cairo, an airstrike hit a house in Rafah.");

        Assert.Equal(2, events.Count);
        Assert.Contains(events, e => e.Place.Name == "Cairo" && e.SubType == "talks");
        Assert.Contains(events, e => e.Place.Name == "Rafah" && e.Type == SituationEventType.ExplosionsRemoteViolence);
    }

    [Fact]
    public void The_same_battle_told_in_a_caption_and_in_the_body_is_one_event()
    {
        var events = Extract("Israeli forces killed more than 30 militants in Khan Younis (IDF).\n\nThe army killed more than 30 fighters in Khan Younis on the last day.");

        var battle = Assert.Single(events);
        Assert.Equal(30, battle.Fatalities);
        Assert.Equal(1, battle.TimePrecision);
    }

    [Fact]
    public void A_troop_order_cut_off_by_a_misplaced_full_stop_takes_the_place_opening_the_next_sentence()
    {
        // The seed's own wording: the geoparser is expected to read the glued "RefaTo" as Rafah.
        const string text = "Meanwhile, Prime Minister Benjamin Netanyahu ordered troops to be ready to arrive. RefaTo achieve its goal of eliminating Hamas, also in southern Gaza.";
        var toponyms = new[] { TestPlaces.At(text, "Refa", TestPlaces.Rafah), TestPlaces.At(text, "Gaza", TestPlaces.GazaCity) };

        var order = Assert.Single(Extract(text, toponyms: toponyms));

        Assert.Equal(SituationEventType.StrategicDevelopments, order.Type);
        Assert.Equal("troop order", order.SubType);
        Assert.Equal(TestPlaces.Rafah, order.Place);
        Assert.Equal("Meanwhile, Prime Minister Benjamin Netanyahu ordered troops to be ready to arrive.", text[order.Sentence.Start..order.Sentence.End]);
    }

    [Fact]
    public void A_sentence_ending_normally_does_not_borrow_the_next_sentence_place()
    {
        const string text = "The prime minister ordered troops to stand by. Rafah residents braced for the worst.";

        Assert.Empty(Extract(text));
    }

    [Fact]
    public void This_Tuesday_is_the_publication_day_when_published_on_a_Tuesday()
    {
        var talks = Assert.Single(Extract("This Tuesday high-level talks continued in Cairo."));

        Assert.Equal(new DateOnly(2024, 2, 13), talks.Date);
        Assert.Equal(1, talks.TimePrecision);
        Assert.Equal(DateOnly.Parse("2024-02-13", CultureInfo.InvariantCulture), talks.Date);
    }
}
