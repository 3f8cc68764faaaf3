using System.Globalization;
using GeoSituation.Core.Articles;
using GeoSituation.Core.Gazetteer;
using GeoSituation.Core.Tests.Gazetteer;
using Xunit.Abstractions;

namespace GeoSituation.Core.Tests.Displacement;

/// <summary>
/// The displacement corpora end to end, with the real gazetteer and geoparser instead of the test tagger: what a
/// user gets. A place counts as right when it is within 30 km of the expected city or governorate, or in the
/// expected country for a region or country.
/// </summary>
[Collection(GazetteerCollection.Name)]
public sealed class CorpusThroughGeoparserTests(GazetteerFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public void Precision_recall_and_placement_with_the_real_geoparser()
    {
        var analyzer = new ArticleAnalyzer(fixture.Gazetteer);
        int gold = 0, predicted = 0, matched = 0, placed = 0;
        foreach (var item in DisplacementCorpus.Cases.Concat(HeldOutCorpus.Batch1).Concat(HeldOutCorpus.Batch2).Concat(HeldOutCorpus.Batch3))
        {
            var published = DateTimeOffset.Parse(item.Published + "T12:00:00Z", CultureInfo.InvariantCulture);
            var figures = analyzer.Analyze(new ArticleInput { Text = item.Text, Published = published }).Displacement.ToList();
            gold += item.Figures.Length;
            predicted += figures.Count;
            foreach (var expected in item.Figures)
            {
                var i = figures.FindIndex(f => f.People == expected.People);
                if (i < 0) continue;
                matched++;
                var found = figures[i];
                figures.RemoveAt(i);
                var goldPlace = expected.Place is null ? null : TestPlaces.Named(expected.Place);
                var goldOrigin = expected.Origin is null ? null : TestPlaces.Named(expected.Origin);
                if (found.Direction == expected.Direction && SamePlace(found.Place, goldPlace) && SamePlace(found.Origin, goldOrigin)) placed++;
                else output.WriteLine($"{item.Id}: {found.People} {found.Direction} {found.Place?.Name} <- {found.Origin?.Name}; expected {expected.Direction} {expected.Place} <- {expected.Origin}");
            }
        }
        var precision = (double)matched / Math.Max(predicted, 1);
        var recall = (double)matched / Math.Max(gold, 1);
        var placement = (double)placed / Math.Max(matched, 1);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"All corpora through the real geoparser: {gold} gold figures, {predicted} extracted, {matched} matched. Precision {precision:0.000}, recall {recall:0.000}, place+direction {placement:0.000}."));
        Assert.InRange(precision, 0.9, 1.0);
        Assert.InRange(recall, 0.9, 1.0);
        Assert.InRange(placement, 0.85, 1.0);
    }

    private static bool SamePlace(GazetteerEntry? found, GazetteerEntry? expected)
    {
        if (found is null || expected is null) return found is null && expected is null;
        if (expected.Kind is PlaceKind.Country or PlaceKind.Region) return found.CountryCode == expected.CountryCode && found.Kind is PlaceKind.Country or PlaceKind.Region;
        var dy = (found.Latitude - expected.Latitude) * 111.2;
        var dx = (found.Longitude - expected.Longitude) * 111.2 * Math.Cos(expected.Latitude * Math.PI / 180);
        return Math.Sqrt(dx * dx + dy * dy) <= 30;
    }
}
