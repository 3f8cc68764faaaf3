using GeoSituation.Core.Extraction;

namespace GeoSituation.Core.Displacement;

/// <summary>What a word near a number says the number counts.</summary>
internal enum CueKind
{
    None,
    /// <summary>People leaving a place: fled, evacuated, uprooted, forced from their homes.</summary>
    Flight,
    /// <summary>People in the state of displacement: displaced, IDPs, homeless.</summary>
    Status,
    /// <summary>People staying somewhere after flight: sheltering, crammed into, sought refuge, living in camps.</summary>
    Shelter,
    /// <summary>People killed, hurt, missing, held or detained: never a displacement figure.</summary>
    Harm,
    /// <summary>People going home again: a return, not a displacement.</summary>
    Return,
    /// <summary>A displacement that may happen ("could be displaced", "at risk of displacement"): not a figure of displaced people.</summary>
    Projection,
    /// <summary>A population or a capacity ("a pre-war population of 275,000", "designed for 20,000"): not displaced people.</summary>
    Population,
    /// <summary>People expelled across a border ("deported", "expelled", "forcibly sent back"): a movement planners track.</summary>
    Deportation,
    /// <summary>People who stay ("remain in El Fasher", "are still in the city", "trapped"): not a displacement figure.</summary>
    Remain,
}

/// <summary>What the words right after a number say it counts.</summary>
internal enum HeadKind
{
    /// <summary>Displaced people by name: "1.4 million displaced", "IDPs", "evacuees".</summary>
    Displaced,
    /// <summary>People: "people", "residents", "civilians", a demonym ("Palestinians").</summary>
    People,
    /// <summary>No noun: "1.4 million have fled", "rose to 1.7 million.".</summary>
    Implicit,
    /// <summary>Households or families: "60,000 households", "3,240 displaced families" (converted to people).</summary>
    Households,
    /// <summary>Anything else: militants, months, trucks, dollars, a date.</summary>
    Other,
}

/// <summary>The words that decide whether a number near them is a displacement figure.</summary>
/// <remarks>
/// The decision is local: the nearest cue on either side of the number wins, so in "strikes killed 30 people
/// and forced 10,000 to flee" 30 is bound to "killed" and 10,000 to "flee". Several cues depend on their
/// neighbours: "shelter" is displacement in "in shelters" but not in "need shelter", "living" only in
/// "living in camps / tents / overcrowded areas", "refuge" only when sought or found.
/// </remarks>
internal static class DisplacementCues
{
    private static readonly WordMap<CueKind> Words = new(new Dictionary<string, CueKind>
    {
        ["fled"] = CueKind.Flight, ["flee"] = CueKind.Flight, ["flees"] = CueKind.Flight, ["fleeing"] = CueKind.Flight,
        ["escaped"] = CueKind.Flight, ["escaping"] = CueKind.Flight, ["uprooted"] = CueKind.Status,
        ["evacuated"] = CueKind.Flight, ["evacuate"] = CueKind.Flight, ["evacuating"] = CueKind.Flight,
        ["relocated"] = CueKind.Flight, ["relocation"] = CueKind.Flight,
        ["displaced"] = CueKind.Status, ["displacement"] = CueKind.Status, ["displacing"] = CueKind.Status, ["displace"] = CueKind.Status,
        ["idps"] = CueKind.Status, ["idp"] = CueKind.Status, ["homeless"] = CueKind.Status, ["evacuees"] = CueKind.Status,
        ["arrivals"] = CueKind.Status, ["newcomers"] = CueKind.Status, ["movements"] = CueKind.Status,
        ["sheltering"] = CueKind.Shelter, ["sheltered"] = CueKind.Shelter, ["camped"] = CueKind.Shelter,
        ["killed"] = CueKind.Harm, ["kill"] = CueKind.Harm, ["kills"] = CueKind.Harm, ["killing"] = CueKind.Harm, ["dead"] = CueKind.Harm,
        ["died"] = CueKind.Harm, ["die"] = CueKind.Harm, ["dies"] = CueKind.Harm, ["deaths"] = CueKind.Harm, ["death"] = CueKind.Harm,
        ["toll"] = CueKind.Harm, ["wounded"] = CueKind.Harm, ["wounding"] = CueKind.Harm, ["injured"] = CueKind.Harm,
        ["injuring"] = CueKind.Harm, ["injuries"] = CueKind.Harm, ["casualties"] = CueKind.Harm, ["fatalities"] = CueKind.Harm,
        ["missing"] = CueKind.Harm, ["arrested"] = CueKind.Harm, ["detained"] = CueKind.Harm, ["abducted"] = CueKind.Harm,
        ["kidnapped"] = CueKind.Harm, ["hostages"] = CueKind.Harm, ["hostage"] = CueKind.Harm, ["captured"] = CueKind.Harm,
        ["executed"] = CueKind.Harm, ["massacred"] = CueKind.Harm, ["shot"] = CueKind.Harm, ["bodies"] = CueKind.Harm,
        ["returned"] = CueKind.Return, ["return"] = CueKind.Return, ["returning"] = CueKind.Return, ["returnees"] = CueKind.Return,
        ["returns"] = CueKind.Return, ["returnee"] = CueKind.Return, ["repatriated"] = CueKind.Return, ["repatriation"] = CueKind.Return,
        ["deported"] = CueKind.Deportation, ["deportation"] = CueKind.Deportation, ["deportations"] = CueKind.Deportation,
        ["deportees"] = CueKind.Deportation, ["deporting"] = CueKind.Deportation, ["expelled"] = CueKind.Deportation,
        ["expulsions"] = CueKind.Deportation, ["expulsion"] = CueKind.Deportation,
        ["abandoned"] = CueKind.Flight, ["evicted"] = CueKind.Flight, ["evicting"] = CueKind.Flight, ["eviction"] = CueKind.Flight,
        ["evictions"] = CueKind.Flight, ["uprooting"] = CueKind.Status, ["uproot"] = CueKind.Status,
        ["displacements"] = CueKind.Status, ["departures"] = CueKind.Flight, ["crossings"] = CueKind.Flight,
        ["refugees"] = CueKind.Status, ["refugee"] = CueKind.Status, ["asylum-seekers"] = CueKind.Status,
        ["arrived"] = CueKind.Shelter, ["arrive"] = CueKind.Shelter, ["arriving"] = CueKind.Shelter, ["arrives"] = CueKind.Shelter,
        ["reached"] = CueKind.Shelter, ["entered"] = CueKind.Flight, ["ferried"] = CueKind.Flight, ["transferred"] = CueKind.Flight,
        ["streamed"] = CueKind.Flight, ["poured"] = CueKind.Flight, ["trekked"] = CueKind.Flight, ["flocked"] = CueKind.Flight,
        ["crossed"] = CueKind.Flight, ["stranded"] = CueKind.Status,
        ["remain"] = CueKind.Remain, ["remained"] = CueKind.Remain, ["remains"] = CueKind.Remain, ["remaining"] = CueKind.Remain,
        ["stayed"] = CueKind.Remain, ["trapped"] = CueKind.Remain, ["stuck"] = CueKind.Remain,
        ["population"] = CueKind.Population, ["inhabitants"] = CueKind.Population, ["capacity"] = CueKind.Population,
        ["designed"] = CueKind.Population, ["built"] = CueKind.Population, ["intended"] = CueKind.Population, ["meant"] = CueKind.Population,
    });

    /// <summary>Verbs of staying that mean displacement only before a place of refuge ("living in tents").</summary>
    private static readonly WordSet Staying = new(
        "living", "live", "lived", "staying", "stay", "housed", "hosted", "hosting", "hosts", "host", "now", "sleeping", "sleep", "slept");

    private static readonly WordSet RefugePlaces = new(
        "shelters", "shelter", "camps", "camp", "tents", "tent", "schools", "overcrowded", "makeshift", "displacement",
        "streets", "open", "collective", "sites", "centres", "centers", "crowded", "tented", "informal", "unrwa");

    private static readonly WordSet Crowded = new("crammed", "packed", "squeezed", "huddled", "huddling", "crowded");

    private static readonly WordSet RefugeNouns = new("refuge", "safety", "sanctuary", "safe", "protection", "asylum");

    private static readonly WordSet Arriving = new("arriving", "arrived", "arrive", "arrives");

    private static readonly WordSet Leaving = new("left", "leave", "leaving", "leaves");

    private static readonly WordSet PlaceLead = new(
        "the", "northern", "southern", "eastern", "western", "central", "north", "south", "east", "west", "their", "homes",
        "home", "houses", "villages", "towns", "areas", "parts", "city", "camp");

    private static readonly WordSet RefugeVerbs = new("sought", "seeking", "seek", "taken", "taking", "take", "took", "found", "find", "finding");

    private static readonly WordSet ForcedOut = new("forced", "driven", "pushed", "chased", "expelled");

    /// <summary>Words after a number that are part of its noun phrase but say nothing about what it counts.</summary>
    private static readonly WordSet Modifiers = new(
        "more", "other", "additional", "new", "newly", "internally", "recently", "further", "civilian", "local", "young",
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "internal", "onward", "secondary",
        "elderly", "vulnerable", "estimated", "registered", "already", "mostly", "predominantly");

    private static readonly WordSet PeopleNouns = new(
        "people", "persons", "person", "individuals", "civilians", "residents", "inhabitants", "children", "women", "men",
        "villagers", "citizens", "others", "refugees", "migrants", "survivors", "youths", "adults", "minors", "souls",
        "palestinians", "gazans", "sudanese", "syrians", "ukrainians", "rohingya", "somalis", "afghans", "congolese", "haitians",
        "nationals", "lebanese", "malians", "burkinabe", "ethiopians", "eritreans", "yemenis", "libyans", "nigerians",
        "mozambicans", "chadians", "iraqis", "kenyans", "pakistanis", "iranians", "prisoners", "migrants", "pregnant");

    private static readonly WordSet DisplacedNouns = new(
        "displaced", "idps", "idp", "evacuees", "uprooted", "homeless", "arrivals", "newcomers", "refugees", "displacements",
        "movements", "departures", "crossings", "returnees", "deportees", "asylum-seekers");

    private static readonly WordSet HouseholdNouns = new("households", "household", "families", "family", "familys");

    /// <summary>Words that may follow a count with no noun: verbs, prepositions, relative pronouns.</summary>
    private static readonly WordSet FunctionWords = new(
        "have", "has", "had", "are", "were", "is", "was", "be", "been", "remain", "remained", "remains", "now", "still",
        "who", "that", "which", "in", "at", "across", "from", "to", "into", "inside", "on", "since", "according", "as",
        "this", "last", "reportedly", "currently", "and", "or", "while", "so", "by", "under", "there", "alone", "out",
        "living", "sheltering", "crammed", "packed", "squeezed", "huddled", "fled", "flee", "fleeing", "uprooted",
        "displaced", "evacuated", "sought", "took", "found", "had", "now", "across", "throughout", "within", "for",
        "of", "live", "lived", "staying", "left", "moved", "arrived", "made", "lost", "escaped", "after", "before", "during",
        "when", "because", "amid", "following", "due", "with", "without", "near", "until", "if", "but", "including", "since",
        "over", "through", "among", "across", "last", "yesterday", "overnight", "daily", "alone");

    private static readonly WordSet Elsewhere = new("elsewhere");

    /// <summary>The cue the word at <paramref name="k"/> makes, reading its neighbours where the word alone is ambiguous.</summary>
    public static CueKind At(SentenceTokens tokens, int k)
    {
        if (!tokens.IsWord(k)) return CueKind.None;
        // "the displaced population", "the IDP population": displaced people, not residents.
        if (tokens.Is(k, "population") && (tokens.Is(k - 1, "displaced") || tokens.Is(k - 1, "idp") || tokens.Is(k - 1, "refugee"))) return CueKind.Status;
        // "refugees from Sudan": people displaced from a place (a bare "Palestine refugees" is a registration status).
        if ((tokens.Is(k, "refugees") || tokens.Is(k, "refugee")) && tokens.Is(k + 1, "from")) return CueKind.Status;
        if (Words.TryGet(tokens.Chars(k), out var kind))
        {
            // "remain displaced", "remaining in camps" is a stock of displaced people, not people who stayed home.
            if (kind == CueKind.Remain)
            {
                var next = tokens.Is(k + 1, "internally") || tokens.Is(k + 1, "still") || tokens.Is(k + 1, "newly") ? k + 2 : k + 1;
                if (tokens.Is(next, "displaced") || tokens.Is(next, "homeless") || tokens.Is(next, "uprooted") || tokens.Is(next, "refugees")
                    || (tokens.Is(next, "in") && tokens.In(next + 1, RefugePlaces))) return CueKind.None;
            }
            // "forcibly returned", "forced returns": an expulsion, not a voluntary return.
            if (kind == CueKind.Return && (tokens.Is(k - 1, "forcibly") || tokens.Is(k - 1, "forced") || tokens.Is(k - 1, "involuntarily"))) return CueKind.Deportation;
            // "refugee camp" names a place, not people: the camp's residents are counted by the word after it.
            if (kind == CueKind.Status && tokens.Is(k, "refugee") && !tokens.Is(k + 1, "from")) return CueKind.None;
            return kind;
        }
        // "10,000 are still in the city": people who stayed.
        if (tokens.Is(k, "still") && (tokens.Is(k + 1, "in") || tokens.Is(k + 1, "inside") || tokens.Is(k + 1, "living") && tokens.Is(k + 2, "in") && !tokens.In(k + 3, RefugePlaces))) return CueKind.Remain;
        // "went back", "made their way back", "crossed back", "heading back home": a return; "sent back", "pushed back": an expulsion.
        if (tokens.Is(k, "back"))
        {
            if (tokens.In(k - 1, SentBack) || (tokens.Is(k - 1, "forcibly") && tokens.In(k - 2, SentBack))) return CueKind.Deportation;
            if (tokens.In(k - 1, GoingBack) || tokens.Is(k - 1, "way")) return CueKind.Return;
            return CueKind.None;
        }
        // "have come through the crossing", "came over from Sudan": arriving.
        if (tokens.In(k, Coming) && tokens.In(k + 1, ArrivalParticles)) return CueKind.Shelter;
        // "moved from Khan Younis to Rafah", "headed south", "made it to Tawila", "set off on foot".
        if (tokens.In(k, Moving) && (tokens.In(k + 1, MoveParticles) || (tokens.Is(k + 1, "it") && tokens.Is(k + 2, "to")) || (tokens.Is(k + 1, "on") && tokens.Is(k + 2, "foot"))))
        {
            return CueKind.Flight;
        }
        // "moved more than 4,000 people out of Kharkiv region villages": the particle after the object.
        if (tokens.In(k, Moving))
        {
            for (var j = k + 2; j <= k + 7 && j < tokens.Count && !tokens.IsClauseBreak(j); j++)
            {
                if ((tokens.Is(j, "out") && tokens.Is(j + 1, "of")) || tokens.Is(j, "from")) return CueKind.Flight;
            }
        }
        if (tokens.Is(k, "shelter") || tokens.Is(k, "shelters") || tokens.Is(k, "camps") || tokens.Is(k, "tents"))
        {
            // "in shelters" is where displaced people are; "need shelter" is a need of anyone.
            return tokens.Is(k - 1, "in") || tokens.Is(k - 1, "to") || tokens.Is(k - 1, "into") || tokens.Is(k - 1, "unrwa") || tokens.In(k - 1, RefugeVerbs)
                ? CueKind.Shelter
                : CueKind.None;
        }
        // "crammed into Rafah", but not "200 residents packed City Hall" (a meeting, not a refuge).
        if (tokens.In(k, Crowded)) return tokens.Is(k + 1, "into") || tokens.Is(k + 1, "in") || tokens.Is(k + 1, "inside") ? CueKind.Shelter : CueKind.None;
        if (tokens.In(k, RefugeNouns)) return tokens.In(k - 1, RefugeVerbs) ? CueKind.Shelter : CueKind.None;
        // "the evacuation of 100,000 residents", but not "evacuation orders" (which move no one yet).
        if (tokens.Is(k, "evacuation"))
        {
            return tokens.Is(k + 1, "orders") || tokens.Is(k + 1, "order") || tokens.Is(k + 1, "warnings") || tokens.Is(k + 1, "zone") ? CueKind.None : CueKind.Flight;
        }
        // "1,000 people a day are arriving in Rafah": arriving somewhere after flight.
        if (tokens.In(k, Arriving) && (tokens.Is(k + 1, "in") || tokens.Is(k + 1, "at") || tokens.Is(k + 1, "from"))) return CueKind.Shelter;
        // "left their homes", "have left northern Gaza": leaving a home or a named place.
        if (tokens.In(k, Leaving))
        {
            var j = k + 1;
            while (j < tokens.Count && j <= k + 3 && tokens.In(j, PlaceLead)) j++;
            if (j > k + 1 && (tokens.Is(j - 1, "homes") || tokens.Is(j - 1, "home") || tokens.Is(j - 1, "houses"))) return CueKind.Flight;
            // "left the besieged Jabalya area": a name within a few words of the verb.
            for (var n = k + 1; n <= k + 4 && n < tokens.Count && !tokens.IsClauseBreak(n) && !tokens.IsSymbol(n, ','); n++)
            {
                if (tokens.IsCapitalised(n)) return CueKind.Flight;
            }
            return CueKind.None;
        }
        if (tokens.In(k, Staying))
        {
            for (var j = k + 1; j <= k + 8 && j < tokens.Count && !tokens.IsClauseBreak(j); j++)
            {
                if (tokens.In(j, RefugePlaces)) return CueKind.Shelter;
            }
            return CueKind.None;
        }
        // "forced from their homes", "pushed more than 150,000 people into Port Sudan", "driven out".
        if (tokens.In(k, ForcedOut) && !(tokens.Is(k + 2, "way") && (tokens.Is(k + 1, "their") || tokens.Is(k + 1, "its"))))
        {
            // "were forced to move at least once", "forced to flee".
            if (tokens.Is(k + 1, "to") && tokens.In(k + 2, MovingOn)) return CueKind.Flight;
            for (var j = k + 1; j < tokens.Count && j <= k + 10 && !tokens.IsClauseBreak(j); j++)
            {
                if (tokens.Is(j, "from") || tokens.Is(j, "out") || tokens.Is(j, "into") || tokens.Is(j, "south") || tokens.Is(j, "north")) return CueKind.Flight;
            }
            return CueKind.None;
        }
        // "6,000 people crossed into Chad": crossing a border is flight when what crosses is people (checked by the head noun).
        if ((tokens.Is(k, "crossed") || tokens.Is(k, "crossing")) && (tokens.Is(k + 1, "into") || tokens.Is(k + 1, "over") || (tokens.Is(k + 1, "the") && tokens.Is(k + 2, "border"))))
        {
            return CueKind.Flight;
        }
        if ((tokens.Is(k, "lost") || tokens.Is(k, "abandoned")) && tokens.Is(k + 1, "their") && tokens.Is(k + 2, "homes"))
        {
            return CueKind.Flight;
        }
        return CueKind.None;
    }

    private static readonly WordSet GoingBack = new(
        "went", "gone", "go", "going", "come", "came", "coming", "headed", "heading", "walking", "walked", "moved", "moving",
        "travelled", "traveled", "crossed", "crossing", "streamed", "flocked", "returned", "made", "making", "trekked", "driving", "drove");

    private static readonly WordSet MovingOn = new("move", "flee", "leave", "relocate", "abandon", "evacuate", "seek");

    private static readonly WordSet SentBack = new("sent", "pushed", "forced", "turned", "deported");

    private static readonly WordSet Coming = new("come", "came", "coming", "comes");

    private static readonly WordSet ArrivalParticles = new("through", "over", "into", "across", "from", "to", "in");

    private static readonly WordSet Moving = new(
        "moved", "moving", "travelled", "traveled", "travelling", "headed", "heading", "set", "made", "walked", "walking",
        "trekked", "relocated", "fleeing", "streaming", "pouring", "escaped");

    private static readonly WordSet MoveParticles = new(
        "to", "towards", "toward", "into", "from", "out", "south", "north", "east", "west", "southwards", "northwards",
        "westwards", "eastwards", "off", "away");

    private static readonly WordSet Modals = new("could", "would", "may", "might", "will", "risk", "threatened", "expected", "likely", "feared");

    /// <summary>A modal or risk word within the three words before a cue ("could be displaced", "risk being uprooted").</summary>
    public static bool IsProjected(SentenceTokens tokens, int k)
    {
        for (var j = k - 1; j >= 0 && j >= k - 3; j--)
        {
            if (tokens.In(j, Modals)) return true;
        }
        return false;
    }

    private static readonly WordSet TimeUnits = new(
        "days", "day", "weeks", "week", "months", "month", "years", "year", "hours", "hour", "nights", "night", "decades", "minutes");

    /// <summary>"two days", "three weeks": a duration, not a count of anything a later number could share.</summary>
    public static bool IsTimeUnit(SentenceTokens tokens, int k) => tokens.In(k, TimeUnits);

    public static bool IsDisplacement(CueKind kind) => kind is CueKind.Flight or CueKind.Status or CueKind.Shelter;

    /// <summary>A cue that makes a figure planners map: displacement, a return home or an expulsion.</summary>
    public static bool IsMovement(CueKind kind) => IsDisplacement(kind) || kind is CueKind.Return or CueKind.Deportation;

    /// <summary>"fled other areas", "from elsewhere": the people came from places the text does not name.</summary>
    public static bool NamesElsewhere(SentenceTokens tokens, int from, int to)
    {
        for (var k = Math.Max(0, from); k < Math.Min(tokens.Count, to); k++)
        {
            if (tokens.In(k, Elsewhere)) return true;
            if (tokens.Is(k, "other") && (tokens.Is(k + 1, "areas") || tokens.Is(k + 1, "parts") || tokens.Is(k + 1, "places") || tokens.Is(k + 1, "regions")))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsAttributive(ReadOnlySpan<char> word) =>
        word.Equals("idp", StringComparison.OrdinalIgnoreCase) || word.Equals("refugee", StringComparison.OrdinalIgnoreCase);

    /// <summary>Classifies the noun phrase after a number; <paramref name="end"/> is the token after it.</summary>
    public static HeadKind Head(SentenceTokens tokens, int start, bool afterMagnitude, out int end)
    {
        var k = start;
        // "tens of thousands of people", "hundreds of displaced": "of" belongs to the magnitude.
        if (afterMagnitude && tokens.Is(k, "of")) k++;
        var kind = HeadKind.Implicit;
        var sawName = false;
        var sawPeople = false;
        for (var steps = 0; steps < 5 && k < tokens.Count; steps++, k++)
        {
            if (tokens.IsWord(k))
            {
                var word = tokens.Chars(k);
                if (DisplacedNouns.Contains(word))
                {
                    // "35 IDP settlements", "20 refugee camps": a displaced word used as an adjective before a thing.
                    if (IsAttributive(word) && tokens.IsWord(k + 1) && !PeopleNouns.Contains(tokens.Chars(k + 1)) && !HouseholdNouns.Contains(tokens.Chars(k + 1))
                        && !FunctionWords.Contains(tokens.Chars(k + 1)) && !DisplacedNouns.Contains(tokens.Chars(k + 1)) && !Modifiers.Contains(tokens.Chars(k + 1)))
                    {
                        end = k + 1;
                        return HeadKind.Other;
                    }
                    kind = HeadKind.Displaced;
                    // "IDPs", "evacuees" are nouns themselves; "displaced" may be an adjective before one.
                    sawPeople |= !word.Equals("displaced", StringComparison.OrdinalIgnoreCase) && !word.Equals("uprooted", StringComparison.OrdinalIgnoreCase);
                    continue;
                }
                if (HouseholdNouns.Contains(word))
                {
                    // "60,000 households", "3,240 displaced families": counted in households, converted to people.
                    end = k + 1;
                    return HeadKind.Households;
                }
                if (PeopleNouns.Contains(word))
                {
                    if (kind != HeadKind.Displaced) kind = HeadKind.People;
                    sawPeople = true;
                    continue;
                }
                if (Modifiers.Contains(word)) continue;
                if (tokens.IsCapitalised(k) && !DateExpressionParser.IsMonth(word))
                {
                    // A demonym or a name before the noun ("1.4 million Palestinians", "30 Hamas militants").
                    sawName = true;
                    continue;
                }
                if (FunctionWords.Contains(word)) break;
                // The unknown word is the noun: "500 displaced families" counts families. After "people" it is not
                // the noun any more ("1,000 people daily").
                end = k;
                return sawPeople ? HeadKind.People : HeadKind.Other;
            }
            if (tokens.IsSymbol(k, '-') && tokens.IsWord(k + 1))
            {
                // "north-to-south movements": the "to" of a hyphenated compound is part of the modifier.
                if (tokens.Is(k + 1, "to") && tokens.IsSymbol(k + 2, '-')) k += 2;
                continue;
            }
            break;
        }
        end = k;
        if (kind == HeadKind.Implicit && sawName) kind = HeadKind.People;
        return kind;
    }
}
