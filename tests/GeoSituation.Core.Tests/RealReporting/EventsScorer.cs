using System.Globalization;
using System.Text;
using GeoSituation.Core.Articles;
using GeoSituation.Core.Events;
using GeoSituation.Core.Gazetteer;

namespace GeoSituation.Core.Tests.RealReporting;

/// <summary>Counts for one slice of the events corpus.</summary>
public sealed class EventsSlice
{
    public int Items { get; set; }
    public int Gold { get; set; }
    public int Predicted { get; set; }
    public int Matched { get; set; }
    /// <summary>Outputs in items that hold no event at all: summaries, plans, statements taken as events.</summary>
    public int NonEvents { get; set; }
    /// <summary>Outputs that repeat an event already matched.</summary>
    public int Duplicates { get; set; }
    public int RightType { get; set; }
    public int GoldFatalities { get; set; }
    public int RightFatalities { get; set; }
    public int GoldActors { get; set; }
    public int RightActors { get; set; }

    public double Precision => Ratio(Matched, Predicted);
    public double Recall => Ratio(Matched, Gold);

    public static double Ratio(int a, int b) => b == 0 ? 1 : (double)a / b;

    public void Add(EventsSlice s)
    {
        Items += s.Items; Gold += s.Gold; Predicted += s.Predicted; Matched += s.Matched; NonEvents += s.NonEvents;
        Duplicates += s.Duplicates; RightType += s.RightType; GoldFatalities += s.GoldFatalities; RightFatalities += s.RightFatalities;
        GoldActors += s.GoldActors; RightActors += s.RightActors;
    }

    public string Line(string name) => string.Create(CultureInfo.InvariantCulture,
        $"{name,-6} items {Items,3}  gold {Gold,3}  predicted {Predicted,3}  matched {Matched,3}  P {Precision:0.000}  R {Recall:0.000}  " +
        $"non-events {Ratio(NonEvents, Predicted):0.000}  duplicates {Ratio(Duplicates, Predicted):0.000}  type {Ratio(RightType, Matched):0.000}  " +
        $"fatalities {RightFatalities}/{GoldFatalities} ({Ratio(RightFatalities, GoldFatalities):0.000})  actors {RightActors}/{GoldActors} ({Ratio(RightActors, GoldActors):0.000})");
}

public sealed record EventsScore(EventsSlice GazaRegion, EventsSlice Other, EventsSlice All, string Log);

/// <summary>
/// Scores event extraction, through the real geoparser and gazetteer, against the events corpus (EVENTS.md).
/// </summary>
/// <remarks>
/// A gold event is found by an output of the same item at the gold location (by name, as the displacement scorer
/// decides places) on the gold day (within a week when the gold time precision is 2 or 3): a real event at the right
/// place, whatever its type, whose type is then scored apart ("type right where place and date were right"). A second
/// output for an event already found is a duplicate; an output in an item with no event is a non-event. Fatalities are
/// scored where the gold states more than zero; actors where the gold names them (actor 1 and actor 2 each, by the
/// actor dictionary's names and aliases, or the inter code for civilians, protesters and rioters).
/// </remarks>
public static class EventsScorer
{
    public static EventsScore Score(IReadOnlyList<EventsItem> items, ArticleAnalyzer analyzer, Core.Gazetteer.Gazetteer gazetteer, Func<string, string?> actorKey)
    {
        var gaza = new EventsSlice();
        var other = new EventsSlice();
        var log = new StringBuilder();
        foreach (var item in items)
        {
            var slice = item.IsGazaRegion ? gaza : other;
            slice.Items++;
            var published = DateTimeOffset.Parse(item.Published + "T12:00:00Z", CultureInfo.InvariantCulture);
            var found = analyzer.Analyze(new ArticleInput { Text = item.Text, Published = published }).Events.ToList();
            slice.Gold += item.Events.Length;
            slice.Predicted += found.Count;
            var matchedGold = new bool[item.Events.Length];
            foreach (var output in found)
            {
                var g = Array.FindIndex(item.Events, e => SamePlace(gazetteer, output.Place, e) && SameDay(output.Date, e));
                if (g < 0)
                {
                    if (item.Events.Length == 0) slice.NonEvents++;
                    log.AppendLine(CultureInfo.InvariantCulture, $"{(item.Events.Length == 0 ? "NONEV" : "FALSE")} {item.Id}: {output.Type} {output.SubType} at {output.Place.Name} [{output.Place.CountryCode}] {output.Date:yyyy-MM-dd} f={output.Fatalities} a1={output.Actor1?.Name} a2={output.Actor2?.Name}   | {Clip(item.Text)}");
                    continue;
                }
                if (matchedGold[g])
                {
                    slice.Duplicates++;
                    log.AppendLine(CultureInfo.InvariantCulture, $"DUPL  {item.Id}: {output.Type} at {output.Place.Name}   | {Clip(item.Text)}");
                    continue;
                }
                matchedGold[g] = true;
                slice.Matched++;
                var gold = item.Events[g];
                if (TypeName(output.Type) == gold.EventType) slice.RightType++;
                else log.AppendLine(CultureInfo.InvariantCulture, $"TYPE  {item.Id}: {TypeName(output.Type)} ({output.SubType}); gold {gold.EventType} ({gold.SubEventType}) at {gold.Location}   | {Clip(item.Text)}");
                if (gold.Fatalities is > 0)
                {
                    slice.GoldFatalities++;
                    if (output.Fatalities == gold.Fatalities) slice.RightFatalities++;
                    else log.AppendLine(CultureInfo.InvariantCulture, $"FATAL {item.Id}: {output.Fatalities}; gold {gold.Fatalities}   | {Clip(item.Text)}");
                }
                foreach (var (goldActor, goldInter, actor) in new[] { (gold.Actor1, gold.Inter1, output.Actor1), (gold.Actor2, gold.Inter2, output.Actor2) })
                {
                    if (goldActor is null) continue;
                    slice.GoldActors++;
                    if (SameActor(goldActor, goldInter, actor, actorKey)) slice.RightActors++;
                    else log.AppendLine(CultureInfo.InvariantCulture, $"ACTOR {item.Id}: {actor?.Name} ({(int?)actor?.Type}); gold {goldActor} ({goldInter})   | {Clip(item.Text)}");
                }
            }
            for (var g = 0; g < item.Events.Length; g++)
            {
                if (matchedGold[g]) continue;
                var e = item.Events[g];
                log.AppendLine(CultureInfo.InvariantCulture, $"MISS  {item.Id}: {e.EventType} ({e.SubEventType}) at {e.Location} [{e.Country}] {e.Date} f={e.Fatalities}   | {Clip(item.Text)}");
            }
        }
        var all = new EventsSlice();
        all.Add(gaza);
        all.Add(other);
        return new EventsScore(gaza, other, all, log.ToString());
    }

    // ACLED's name of the type, as the export writes it (HumanitarianAccess is a strategic development there).
    public static string TypeName(SituationEventType type) => AcledCodes.EventType(type, null);

    private static bool SamePlace(Core.Gazetteer.Gazetteer gazetteer, GazetteerEntry found, GoldEvent gold) =>
        gold.Location is not null && RealReportingCorpus.IsNamed(gazetteer, found, (gold.LocationAlternates ?? []).Prepend(gold.Location), gold.Country);

    private static bool SameDay(DateOnly? found, GoldEvent gold)
    {
        if (gold.Date is null || found is null) return true;
        var day = DateOnly.Parse(gold.Date, CultureInfo.InvariantCulture);
        var tolerance = gold.TimePrecision > 1 ? 7 : 1;
        return Math.Abs(found.Value.DayNumber - day.DayNumber) <= tolerance;
    }

    private static bool SameActor(string gold, int? goldInter, EventActor? found, Func<string, string?> actorKey)
    {
        if (found is null) return false;
        // Civilians, protesters and rioters are named by their type ("Civilians (Sudan)"): the type decides.
        if (goldInter is 5 or 6 or 7) return (int)found.Type == goldInter;
        var a = actorKey(gold);
        var b = actorKey(found.Name);
        return a is not null && a == b || string.Equals(gold, found.Name, StringComparison.OrdinalIgnoreCase);
    }

    private static string Clip(string text)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= 150 ? flat : flat[..147] + "...";
    }
}
