using GeoSituation.Core.Articles;
using GeoSituation.Core.Displacement;
using GeoSituation.Core.Events;
using GeoSituation.Core.Gazetteer;
using GeoSituation.Core.Geoparsing;
using GeoSituation.Core.Text;

namespace GeoSituation.Postgis.Tests;

/// <summary>Hand-built analyses with real GeoNames coordinates, independent of the text pipeline.</summary>
internal static class Analyses
{
    public static readonly GazetteerEntry Rafah = new()
    {
        Id = 281102, Name = "Rafah", Kind = PlaceKind.City, Latitude = 31.29722, Longitude = 34.24357,
        CountryCode = "PS", FeatureCode = "PPLA", Population = 126305, PCode = "PS0275",
    };

    public static readonly GazetteerEntry KhanYunis = new()
    {
        Id = 281133, Name = "Khan Yunis", Kind = PlaceKind.City, Latitude = 31.34018, Longitude = 34.30627,
        CountryCode = "PS", FeatureCode = "PPLA", Population = 142637,
    };

    public static readonly GazetteerEntry Cairo = new()
    {
        Id = 360630, Name = "Cairo", Kind = PlaceKind.City, Latitude = 30.06263, Longitude = 31.24967,
        CountryCode = "EG", FeatureCode = "PPLC", Population = 9606916,
    };

    /// <summary>An article naming the given places in turn, with a displacement figure at the first and a flow from the second.</summary>
    public static ArticleAnalysis Article(string uniqueText, params GazetteerEntry[] places)
    {
        var text = uniqueText + ". About 1.4 million people fled " + string.Join(" and ", places.Select(p => p.Name)) + ".";
        var sentences = SentenceSplitter.Split(text);
        var toponyms = new List<Toponym>();
        var search = 0;
        foreach (var place in places)
        {
            var start = text.IndexOf(place.Name, search, StringComparison.Ordinal);
            toponyms.Add(new Toponym(new TextSpan(start, start + place.Name.Length), place.Name, place, 0.9));
            search = start + place.Name.Length;
        }
        var numberStart = text.IndexOf("About", StringComparison.Ordinal);
        var figureSentence = sentences.First(s => s.Contains(numberStart));
        var figures = new List<DisplacementFigure>
        {
            new()
            {
                People = 1_400_000, Low = 1_400_000, High = 1_400_000, Qualifier = "about", NumberText = "About 1.4 million",
                Direction = DisplacementDirection.At, Place = places[0], Origin = places.Length > 1 ? places[1] : null,
                AsOf = new DateOnly(2024, 2, 13), AsOfBasis = AsOfBasis.Published,
                Span = new TextSpan(numberStart, numberStart + 17), Sentence = figureSentence, Confidence = 0.8,
            },
        };
        var events = new List<SituationEvent>
        {
            new()
            {
                Type = SituationEventType.StrategicDevelopments, SubType = "talks", Place = places[^1], Date = new DateOnly(2024, 2, 13),
                GeoPrecision = 1, TimePrecision = 1, Sentence = figureSentence, Confidence = 0.6,
            },
        };
        var input = new ArticleInput { Title = "Test " + uniqueText, Text = text, Url = "https://example.org/" + Uri.EscapeDataString(uniqueText), Source = "test", Published = new DateTimeOffset(2024, 2, 13, 12, 0, 0, TimeSpan.Zero) };
        return new ArticleAnalysis(input, ContentHash.Of(text), sentences, toponyms, figures, events);
    }
}
