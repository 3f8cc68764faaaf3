using System.Globalization;
using GeoSituation.Core.Events;
using GeoSituation.Core.Tests.Displacement;
using GeoSituation.Core.Text;
using Xunit.Abstractions;

namespace GeoSituation.Core.Tests.Events;

/// <summary>Precision and recall of events over <see cref="EventCorpus"/>: an event matches when type and place agree.</summary>
public sealed class EventCorpusTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Published = new(2024, 2, 13, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Precision_and_recall_over_the_event_corpus()
    {
        int gold = 0, predicted = 0, matched = 0, fatalitiesRight = 0;
        foreach (var item in EventCorpus.Cases)
        {
            var found = new EventExtractor().Extract(item.Text, SentenceSplitter.Split(item.Text), TestPlaces.Tag(item.Text), Published).ToList();
            foreach (var e in found) output.WriteLine($"{item.Id}: {e.Type}/{e.SubType} at {e.Place.Name} fatalities {e.Fatalities} geo {e.GeoPrecision} time {e.TimePrecision}");
            gold += item.Events.Length;
            predicted += found.Count;
            foreach (var expected in item.Events)
            {
                var i = found.FindIndex(e => e.Type == expected.Type && e.Place.Name == expected.Place);
                if (i < 0) continue;
                matched++;
                if (found[i].Fatalities == expected.Fatalities) fatalitiesRight++;
                found.RemoveAt(i);
            }
        }
        var precision = predicted == 0 ? 1 : (double)matched / predicted;
        var recall = gold == 0 ? 1 : (double)matched / gold;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Event corpus: {EventCorpus.Cases.Length} items, {gold} gold events, {predicted} extracted, {matched} matched (type and place). " +
            $"Precision {precision:0.000}, recall {recall:0.000}; fatalities right in {fatalitiesRight} of {matched}."));
        Assert.InRange(precision, 0.95, 1.0);
        Assert.InRange(recall, 0.95, 1.0);
        Assert.Equal(matched, fatalitiesRight);
    }
}
