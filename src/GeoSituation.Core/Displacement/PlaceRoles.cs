using GeoSituation.Core.Extraction;
using GeoSituation.Core.Gazetteer;
using GeoSituation.Core.Geoparsing;

namespace GeoSituation.Core.Displacement;

/// <summary>Whether a place named near a displacement figure is where people are or where they came from.</summary>
internal enum PlaceRole
{
    /// <summary>Nothing marks the role ("Rafah, where ..."): read as where people are, with less confidence.</summary>
    Unmarked,
    /// <summary>"into Rafah", "to Rafah", "for Rafah", "Rafah's": a destination.</summary>
    At,
    /// <summary>"in Rafah", "across Gaza": where something happens, which is where people are unless they are fleeing.</summary>
    In,
    /// <summary>"from Khan Younis", "fled Khan Younis", "out of Khan Younis".</summary>
    From,
    /// <summary>"through the Rafah crossing", "via Torkham": a point on the way, where people neither are nor came from.</summary>
    Waypoint,
    /// <summary>"many of them moving to Khan Younis", "mostly to Gaza City": where part of the people went.</summary>
    Partial,
}

/// <summary>Reads the words before a toponym to tell a destination from an origin.</summary>
/// <remarks>
/// The nearest marker wins, skipping determiners and the words of a place description, so "fled to
/// Rafah" is At (the "to", not the "fled") and "fled from the northern part of the city of Khan Younis" is From.
/// </remarks>
internal static class PlaceRoles
{
    private static readonly WordSet FromMarkers = new(
        "from", "fled", "flee", "flees", "fleeing", "escaped", "escaping", "left", "leaving", "evacuated", "evacuating", "uprooted", "out", "abandoned");

    private static readonly WordSet AtMarkers = new(
        "into", "to", "towards", "toward", "reached", "reaching", "arrived", "arriving", "for", "hosts", "hosting", "entered");

    private static readonly WordSet Receiving = new("hosts", "hosted", "houses", "housed", "shelters", "sheltered", "received", "receives", "absorbed");

    private static readonly WordSet InMarkers = new("in", "at", "inside", "within", "across", "throughout", "on");

    // "from villages near Kherson": a vicinity word is read like a filler, but is where people are if nothing else is said.
    private static readonly WordSet Vicinity = new("near", "around", "outside");

    private static readonly WordSet Fillers = new(
        "the", "northern", "southern", "eastern", "western", "central", "north", "south", "east", "west", "northeastern",
        "northwestern", "southeastern", "southwestern", "city", "town", "village", "area", "areas", "part", "parts", "of",
        "camp", "governorate", "province", "region", "district", "outskirts", "neighbouring", "neighboring", "nearby",
        "besieged", "overcrowded", "southernmost", "northernmost", "border", "coastal", "whole", "entire", "rest",
        "villages", "towns", "communities", "settlements", "safer", "safe", "new", "makeshift", "displacement", "sites",
        "site", "camps", "schools", "shelters", "informal", "spontaneous", "transit", "neighbourhoods", "neighborhoods",
        "districts", "quarters", "suburbs", "outskirts");

    private static readonly WordSet LeftBehind = new(
        "homes", "houses", "home", "neighbourhoods", "neighborhoods", "fighting", "violence", "clashes", "hostilities",
        "bombardment", "shelling", "airstrikes", "strikes");

    private static readonly WordSet Hazards = new(
        "insecurity", "famine", "drought", "conflict", "war", "attacks", "floods", "flooding", "persecution", "killings",
        "raids", "offensive", "unrest", "fighting", "violence", "clashes", "bombardment", "shelling");

    private static readonly WordSet Fleeing = new("fled", "flee", "fleeing", "escaped", "escaping", "escape", "flees");

    private static bool FledBefore(SentenceTokens tokens, int hazard)
    {
        for (var k = hazard - 1; k >= 0 && k >= hazard - 5 && !tokens.IsClauseBreak(k); k--)
        {
            if (tokens.In(k, Fleeing)) return true;
        }
        return false;
    }

    private static readonly WordSet Dwellers = new("residents", "inhabitants", "villagers", "citizens", "people", "families");

    /// <param name="returning">The figure counts people going home: "returned to their homes in Kharkiv" is where they went.</param>
    public static PlaceRole Of(SentenceTokens tokens, int firstToken, int endToken, bool returning = false)
    {
        if (tokens.IsPossessiveAt(endToken)) return PlaceRole.At;
        // "Port Sudan now hosts 250,000 people", "Idlib is home to ...": the place receives them.
        var next = tokens.Is(endToken, "now") ? endToken + 1 : endToken;
        if (tokens.In(next, Receiving) || (tokens.Is(next, "is") && tokens.Is(next + 1, "home"))) return PlaceRole.At;
        var role = MarkedRole(tokens, firstToken, endToken, returning);
        // "many of them moving to Khan Younis": only part of the people went there ("most of them from X" still says
        // where they came from).
        return role != PlaceRole.From && role != PlaceRole.Waypoint && IsPartial(tokens, firstToken) ? PlaceRole.Partial : role;
    }

    private static PlaceRole MarkedRole(SentenceTokens tokens, int firstToken, int endToken, bool returning)
    {
        var vicinity = false;
        for (int k = firstToken - 1, steps = 0; k >= 0 && steps < 6; k--, steps++)
        {
            if (tokens.Is(k, "through") || tokens.Is(k, "via")) return PlaceRole.Waypoint;
            if (tokens.In(k, Vicinity))
            {
                vicinity = true;
                continue;
            }
            // "left their homes in Jabalia", "fled the fighting in El Fasher", "residents of Goma": where they were.
            if (tokens.Is(k, "in") && tokens.In(k - 1, LeftBehind)) return returning ? PlaceRole.At : PlaceRole.From;
            // "fleeing insecurity and famine in Somalia": a hazard people fled; "uprooted by the conflict in Sudan" is
            // where they are displaced.
            if (tokens.Is(k, "in") && tokens.In(k - 1, Hazards) && !returning && FledBefore(tokens, k - 1)) return PlaceRole.From;
            if (tokens.Is(k, "of") && tokens.In(k - 1, Dwellers)) return PlaceRole.From;
            if (tokens.In(k, FromMarkers)) return PlaceRole.From;
            if (tokens.In(k, AtMarkers)) return PlaceRole.At;
            if (tokens.In(k, InMarkers)) return DestinationBefore(tokens, k) ? PlaceRole.At : PlaceRole.In;
            if (!tokens.In(k, Fillers) && !tokens.IsSymbol(k, '-')) break;
        }
        return vicinity ? PlaceRole.In : PlaceRole.Unmarked;
    }

    // "Israel's ground operation", "Assad's fall": what follows a possessive place is done by it, not to people in it.
    private static readonly WordSet ActorNouns = new(
        "army", "forces", "force", "military", "government", "offensive", "operation", "operations", "ground", "troops",
        "first", "renewed", "widened", "latest", "evacuation", "bombardment", "strikes", "campaign", "assault", "president",
        "prime", "authorities", "police", "navy", "air", "security", "fall", "invasion", "blockade", "siege", "truce",
        "ceasefire", "border", "decision", "plan", "order", "orders", "deportation", "crackdown", "junta", "regime",
        "widened", "expanded", "armed", "rebels", "militias", "gangs");

    private static readonly WordSet Institutions = new(
        "department", "ministry", "minister", "office", "directorate", "commission", "commissioner", "agency", "authority",
        "governor", "deputy", "officials", "official", "spokesman", "spokeswoman", "spokesperson", "council", "mayor",
        "president", "administration", "media");

    private static readonly WordSet DistanceUnits = new("km", "kilometres", "kilometers", "miles", "mi", "kms");

    private static readonly WordSet Bearings = new(
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east", "north-west",
        "south-east", "south-west");

    private static readonly WordSet CampWords = new(
        "refugee", "refugees", "camp", "camps", "site", "sites", "settlement", "transit", "centre", "center", "shelters",
        "displacement", "reception", "border", "town", "city", "village", "area", "region", "the", "a", "an", "makeshift",
        "schools", "school", "shelter", "tents", "tent", "neighbourhoods", "neighborhoods", "districts", "western", "eastern",
        "northern", "southern", "central", "run");

    // "fled to the Mbera refugee camp in Mauritania": the "in" places the destination named before it.
    private static bool DestinationBefore(SentenceTokens tokens, int inToken)
    {
        for (var k = inToken - 1; k >= 0 && k >= inToken - 6; k--)
        {
            if (tokens.In(k, AtMarkers)) return k < inToken - 1;
            if (!tokens.IsCapitalised(k) && !tokens.In(k, CampWords) && !tokens.IsSymbol(k, '-')) return false;
        }
        return false;
    }

    private static readonly WordSet Part = new("many", "most", "some", "others", "several", "half", "thousands", "hundreds", "majority");

    private static readonly WordSet Mostly = new("mostly", "mainly", "mostly", "largely", "primarily", "chiefly", "including");

    // "many of them moving to Khan Younis", "mostly to Gaza City", "some 15,000 of whom went to Chiure": within the six
    // words before the place, a part of the people, or "mainly", sends only that part there.
    private static bool IsPartial(SentenceTokens tokens, int firstToken)
    {
        for (var k = firstToken - 1; k >= 0 && k >= firstToken - 6 && !tokens.IsClauseBreak(k); k--)
        {
            if (tokens.In(k, Mostly)) return true;
            if ((tokens.Is(k, "them") || tokens.Is(k, "whom")) && tokens.Is(k - 1, "of") && tokens.In(k - 2, Part)) return true;
        }
        return false;
    }

    /// <summary>A possessive place before another place or before an actor: "Kenya's Dadaab camps", "Israel's offensive".</summary>
    /// <param name="endToken">The token after the place's name.</param>
    public static bool IsQualifierOrActor(SentenceTokens tokens, int firstToken, int endToken, out bool institution)
    {
        institution = false;
        if (!tokens.IsPossessiveAt(endToken)) return false;
        var next = endToken + 2;
        // "Hiran's deputy governor", "Nangarhar's refugees and repatriation department": an institution of the place speaks.
        for (var k = next; k < next + 5 && k < tokens.Count && !tokens.IsSymbol(k, ','); k++)
        {
            if (tokens.In(k, Institutions)) return institution = true;
        }
        // "half of Gaza's population": an aside about the base, not where people are.
        return tokens.IsCapitalised(next) || tokens.In(next, ActorNouns) || (tokens.Is(next, "population") && tokens.Is(firstToken - 1, "of"));
    }

    /// <summary>"60 km west of El Fasher", "7 km north of Goma": a landmark a place is measured from.</summary>
    public static bool IsLandmark(SentenceTokens tokens, int firstToken)
    {
        if (!tokens.Is(firstToken - 1, "of")) return false;
        var k = firstToken - 2;
        if (tokens.Is(k, "the") || tokens.Is(k, "of")) k--;
        if (!tokens.In(k, Bearings) && !tokens.Is(k, "outside")) return false;
        return tokens.In(k - 1, DistanceUnits) || tokens.IsNumber(k - 1) || tokens.In(k - 2, DistanceUnits);
    }

    /// <summary>How much a place's kind counts against it when choosing among candidates (specific places first).</summary>
    public static int KindPenalty(PlaceKind kind) => kind switch
    {
        PlaceKind.City or PlaceKind.AdminArea => 0,
        PlaceKind.Region => 3,
        _ => 6,
    };

    /// <summary>A toponym of the sentence located on the sentence's tokens.</summary>
    public readonly record struct Candidate(Toponym Toponym, int FirstToken, int EndToken, PlaceRole Role)
    {
        public GazetteerEntry Place => Toponym.Place;
    }
}
