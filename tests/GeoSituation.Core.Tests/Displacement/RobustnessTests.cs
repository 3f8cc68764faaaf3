using GeoSituation.Core.Displacement;
using GeoSituation.Core.Events;
using GeoSituation.Core.Geoparsing;
using GeoSituation.Core.Text;

namespace GeoSituation.Core.Tests.Displacement;

/// <summary>Whatever arrives in a feed, extraction returns results and never throws.</summary>
public sealed class RobustnessTests
{
    public static IEnumerable<object[]> Texts() =>
    [
        [""],
        ["   \n\n  "],
        ["99999999999999999999999999 people fled Rafah."],
        ["1,000,000,000,000,000 displaced in Gaza"],
        ["between and million fled"],
        ["tens of of thousands fled -- – — %%% $ 1.4m"],
        ["“” ’s ’s 1.4 million’s displaced, ,, ;; :: ..."],
        ["Fled. Fled. Fled. 1.4 million."],
        [new string('9', 5000) + " people fled"],
        [string.Concat(Enumerable.Repeat("About 1.4 million people fled Rafah yesterday. ", 500))],
        ["on 31 February 2024, 5,000 fled; on 29 February 2023, 6,000 fled; as of 0 May, 7,000 fled"],
        ["\u0000\u0001 Rafah \uFFFF 20,000 displaced \uD800"],
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void Odd_text_and_edge_dates_never_throw(string text)
    {
        var sentences = SentenceSplitter.Split(text);
        var toponyms = TestPlaces.Tag(text);
        foreach (var published in new DateTimeOffset?[] { null, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, new DateTimeOffset(2024, 2, 13, 0, 0, 0, TimeSpan.Zero) })
        {
            var figures = new DisplacementExtractor().Extract(text, sentences, toponyms, published);
            var events = new EventExtractor().Extract(text, sentences, toponyms, published);
            Assert.All(figures, f => Assert.InRange(f.People, 10, 10_000_000_000));
            Assert.All(figures, f => Assert.True(f.Span.End <= text.Length));
            Assert.All(events, e => Assert.True(e.Sentence.End <= text.Length));
        }
    }

    [Fact]
    public void Toponyms_outside_any_sentence_or_past_the_text_are_ignored()
    {
        const string text = "Some 20,000 people fled. Clashes erupted in the city.";
        var stray = new Toponym(new TextSpan(40, 400), "x", TestPlaces.Rafah, 0.9);
        var beforeAll = new Toponym(new TextSpan(-5, 0), "x", TestPlaces.Cairo, 0.9);

        var figures = new DisplacementExtractor().Extract(text, SentenceSplitter.Split(text), [stray, beforeAll], null);
        var events = new EventExtractor().Extract(text, SentenceSplitter.Split(text), [stray, beforeAll], null);

        Assert.Single(figures);
        Assert.DoesNotContain(events, e => e.Place == TestPlaces.Cairo);
    }
}
