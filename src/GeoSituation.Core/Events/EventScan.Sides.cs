using GeoSituation.Core.Extraction;
using GeoSituation.Core.Gazetteer;

namespace GeoSituation.Core.Events;

/// <summary>What the sentence says about the sides: countries named as agents, the country the events are in, and whether
/// what was hit is civilian or military.</summary>
internal sealed partial class EventScan
{
    private static readonly WordSet NotAgentBefore = new(
        "in", "at", "near", "outside", "around", "inside", "across", "into", "on", "throughout", "towards", "toward",
        "through", "via", "over", "within", "from", "to", "against", "of", "with", "between", "by", "for", "and", "or");

    // Countries named as agents: "Israel unleashed air strikes", "Russia's Defence Ministry said its forces ...".
    private List<(int First, int End, string Country)> CountrySubjects(int sentence)
    {
        countrySubjects.Clear();
        foreach (var toponym in Places.In(sentence))
        {
            if (toponym.Place.Kind != PlaceKind.Country || toponym.Place.CountryCode.Length != 2) continue;
            var first = tokens.FirstTokenOverlapping(toponym.Span.Start, toponym.Span.End);
            if (first < 0 || tokens.In(first - 1, NotAgentBefore) || tokens.Is(first - 1, "the") && tokens.In(first - 2, NotAgentBefore)) continue;
            var end = tokens.EndTokenOverlapping(first, toponym.Span.End);
            if (tokens.IsPossessiveAt(end))
            {
                // "Russia's Defence Ministry said its forces", "South Africa's military": the state speaking or acting;
                // "Ukraine's largest children's hospital" is only a description.
                if (!StateFollows(end + 2)) continue;
                end += 2;
            }
            // "Israel unleashed a wave of air strikes": the country is the subject of a verb ("a US embassy" is not).
            else if (!IsVerbAt(end)) continue;
            countrySubjects.Add((first, end, toponym.Place.CountryCode));
        }
        return countrySubjects;
    }

    private static readonly WordSet IrregularVerbs = new(
        "has", "have", "had", "is", "was", "will", "would", "hit", "hits", "struck", "shot", "sent", "took", "fought", "began",
        "says", "said", "fires", "strikes", "bombs", "attacks", "launches", "carries", "continues", "kept", "led", "drove");

    private bool IsVerbAt(int k) =>
        tokens.IsWord(k) && !tokens.IsCapitalised(k)
        && (tokens.In(k, IrregularVerbs) || tokens.Chars(k).EndsWith("ed", StringComparison.OrdinalIgnoreCase));

    private static readonly WordSet StateWords = new(
        "army", "military", "forces", "troops", "soldiers", "defence", "defense", "ministry", "navy", "air", "armed", "security", "government");

    private bool StateFollows(int k)
    {
        for (var j = k; j < k + 3 && j < tokens.Count; j++)
        {
            if (tokens.In(j, StateWords)) return true;
        }
        return false;
    }

    // The country the sentence's events happen in: that of its places below country level, else of its countries,
    // else the dateline's.
    private string EventCountry(int sentence)
    {
        foreach (var c in candidates)
        {
            if (c.Toponym.Place.Kind != PlaceKind.Country && c.Toponym.Place.CountryCode.Length == 2) return c.Toponym.Place.CountryCode;
        }
        foreach (var t in Places.In(sentence))
        {
            if (t.Place.CountryCode.Length == 2) return t.Place.CountryCode;
        }
        return Places.Dateline?.Place.CountryCode ?? "";
    }

    private static readonly WordSet CivilianTargetWords = new(
        "home", "homes", "house", "houses", "tent", "tents", "encampment", "school", "schools", "hospital", "hospitals",
        "market", "marketplace", "mosque", "church", "apartment", "apartments", "residential", "playground", "shelter",
        "shelters", "hotel", "displaced", "civilians", "residents", "families", "children", "people", "neighbourhood",
        "neighborhood", "clinic", "bakery", "village", "villagers", "cars", "shops", "ship", "vessel", "carrier", "crew");

    private static readonly WordSet MilitaryTargetWords = new(
        "base", "bases", "positions", "position", "outpost", "outposts", "headquarters", "depot", "depots", "launcher",
        "launchers", "barracks", "militants", "fighters", "commander", "commanders", "operatives", "soldiers", "troops",
        "arsenal", "munitions", "checkpoint", "garrison", "airbase", "airfield", "radar");

    private static readonly WordSet StateTargetWords = new(
        "base", "bases", "positions", "outpost", "outposts", "depot", "depots", "launcher", "launchers", "barracks",
        "airbase", "airfield", "radar", "arsenal", "munitions", "garrison", "warships", "navy");

    // A military installation is named as hit, and nothing civilian is.
    private bool StateTargets()
    {
        var military = false;
        for (var k = 0; k < tokens.Count; k++)
        {
            if (tokens.In(k, CivilianTargetWords)) return false;
            military |= tokens.In(k, StateTargetWords) || tokens.Is(k, "ministry") && (tokens.Is(k - 1, "defence") || tokens.Is(k - 1, "defense"));
        }
        return military;
    }

    // What was hit is civilian: homes, tents, a school, people; and nothing military is named as hit.
    private bool CivilianTargets()
    {
        var civilian = false;
        for (var k = 0; k < tokens.Count; k++)
        {
            if (tokens.In(k, MilitaryTargetWords)) return false;
            civilian |= tokens.In(k, CivilianTargetWords);
        }
        return civilian;
    }
}
