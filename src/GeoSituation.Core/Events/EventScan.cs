using GeoSituation.Core.Extraction;
using GeoSituation.Core.Gazetteer;
using GeoSituation.Core.Geoparsing;
using GeoSituation.Core.Numbers;
using GeoSituation.Core.Text;

namespace GeoSituation.Core.Events;

/// <summary>One pass over an article that turns sentences into situation events.</summary>
/// <remarks>
/// <para>A sentence yields an event when it holds an event cue (<see cref="EventCues"/>) and a place where the
/// thing happens. A place is where something happens when a locative or a verb governs it ("in Cairo",
/// "enter Rafah", "south of the Gaza Strip"); a city named with no preposition also counts when it is the only
/// candidate ("... on the last day khan younisOne of the last strongholds"). A country or region named
/// without one is an actor ("Israel prepares", "Qatar's Prime Minister"), and a demonym never locates.</para>
/// <para>Each place takes the cue nearest before it (else after it), so in "talks ... to end fighting in the
/// Gaza Strip" the Gaza Strip belongs to the ended fighting and yields no event, while "talks ... in Cairo"
/// yields talks in Cairo. Distinct cues give distinct events in one sentence.</para>
/// <para>A sentence with a cue but no place borrows the place that opens the next sentence when it ends on a
/// dangling motion verb or preposition ("ordered troops to be ready to arrive. RefaTo achieve ..."): machine
/// translation and CMS exports misplace full stops, and the place after the stop completes the clause.</para>
/// <para>ACLED codes one event per type, location and day; the same event told twice in an article (a
/// caption and the body) is kept once, with the better date.</para>
/// </remarks>
internal sealed class EventScan(string text, IReadOnlyList<TextSpan> sentences, IReadOnlyList<Toponym> toponyms, DateOnly? published, ActorDictionary actorDictionary, EventPlaceRecovery? recovery = null)
{
    private static readonly WordSet Locatives = new(
        "in", "at", "near", "outside", "around", "inside", "across", "into", "on", "throughout", "towards", "toward",
        "through", "via", "over", "within");

    private static readonly WordSet Vicinity = new("near", "outside", "around", "outskirts", "north", "south", "east", "west", "northern", "southern", "eastern", "western");

    private static readonly WordSet ObjectVerbs = new(
        "enter", "entered", "entering", "hit", "hits", "struck", "shelled", "bombed", "bombarded", "stormed", "raided",
        "attacked", "besieged", "surrounded", "invaded", "invade", "targeted", "pounded", "captured", "seized", "reached",
        "control", "overran", "recaptured", "retook", "struck", "ambushed", "raided", "hitting", "striking", "taken", "took",
        "retaken", "overrun");

    private static readonly WordSet PlaceFillers = new(
        "the", "northern", "southern", "eastern", "western", "central", "north", "south", "east", "west", "city", "town",
        "village", "area", "areas", "part", "parts", "of", "camp", "governorate", "province", "region", "district",
        "outskirts", "centre", "center", "heart", "neighbouring", "neighboring", "nearby", "besieged", "border", "coastal",
        "southernmost", "northernmost", "edge", "entire", "whole");

    private static readonly WordSet DanglingEnds = new(
        "arrive", "enter", "advance", "move", "head", "reach", "attack", "invade", "storm", "to", "into", "in", "towards",
        "toward", "on", "at");

    private static readonly WordSet Killing = new("killed", "killing", "kill", "kills", "dead", "died", "slain");

    private static readonly WordSet CivilianVictims = new(
        "civilians", "people", "children", "women", "villagers", "residents", "farmers", "workers", "journalists",
        "patients", "students", "worshippers", "passengers", "family", "families", "men", "boys", "girls", "staff", "doctors",
        "drivers", "medics", "nurses", "fishermen", "pupils", "villager", "residents", "hostages", "colleagues", "relatives",
        "mourners", "shoppers", "displaced");

    private static readonly WordSet Combatants = new(
        "militants", "fighters", "terrorists", "soldiers", "gunmen", "members", "troops", "operatives", "commanders",
        "insurgents", "rebels", "militiamen", "policemen", "officers", "combatants", "jihadists", "paramilitaries");

    private readonly SentenceTokens tokens = new();
    private readonly EventActors actors = new(actorDictionary);
    private readonly List<EventCue> cues = [];
    private readonly List<NumberExpression> numbers = [];
    private readonly List<DateExpression> dates = [];
    private readonly List<(int First, int End, string Country)> countrySubjects = [];
    private readonly Dictionary<SituationEventType, EventActor> lastAttacker = [];
    private bool? sentenceCivilianTargets;
    private readonly List<(Toponym Toponym, int First, int End, bool Marked)> candidates = [];
    private readonly List<(EventCue Cue, Toponym Place, bool Vicinity, bool Marked)> chosen = [];
    private readonly Dictionary<int, int> chosenByCue = [];
    private readonly Dictionary<(long, DateOnly?), List<int>> eventIndex = [];
    private ArticlePlaces? places;

    // Per sentence, computed on first need and shared by its events.
    private (int? Fatalities, Victims Victims)? sentenceFatalities;
    private EventCue? sentenceRemote;
    private bool sentenceRemoteKnown;

    private ArticlePlaces Places => places ??= ArticlePlaces.Build(text, sentences, toponyms);

    private readonly List<Toponym> recovered = [];
    private List<Toponym>? distinctSurePlaces;

    // The article's fairly sure places, each once: what a recovered name is measured against (a text that repeats a
    // name ten thousand times has one place to compare with, not ten thousand).
    private List<Toponym> DistinctSurePlaces => distinctSurePlaces ??= toponyms
        .Where(t => t.Confidence >= 0.5)
        .DistinctBy(t => t.Place.Id)
        .ToList();
    private readonly List<Toponym> consistent = [];

    // "the Daraj neighbourhood of Gaza City" read as Dar'a in Syria, "Merawi" in Amhara read as Merowe in Sudan: an
    // approximate reading in a country no other place of the article is in is not a scene; the name
    // stays free for the recovery, which looks in the article's countries.
    private IReadOnlyList<Toponym> Consistent(IReadOnlyList<Toponym> inSentence)
    {
        consistent.Clear();
        foreach (var t in inSentence)
        {
            if (IsForeign(t) && recovery is not null)
            {
                if (recovery.Relocate(t, ArticleCountries, DistinctSurePlaces) is { } moved) consistent.Add(moved);
                else if (!recovery.IsApproximate(t)) consistent.Add(t);
                continue;
            }
            consistent.Add(t);
        }
        return consistent;
    }

    // Per article: how many fairly sure names each country has, and how many of those are this very name.
    private Dictionary<string, int>? namesByCountry;
    private Dictionary<(string Country, string Surface), int>? sameNameByCountry;

    // No other fairly sure place of the article is in this place's country, while some are in other countries.
    private bool IsForeign(Toponym toponym)
    {
        if (toponym.Place.CountryCode.Length != 2) return false;
        if (namesByCountry is null)
        {
            namesByCountry = new Dictionary<string, int>(StringComparer.Ordinal);
            sameNameByCountry = [];
            foreach (var t in toponyms)
            {
                if (t.Confidence < 0.5 || t.Place.CountryCode.Length != 2) continue;
                namesByCountry[t.Place.CountryCode] = namesByCountry.GetValueOrDefault(t.Place.CountryCode) + 1;
                var key = (t.Place.CountryCode, t.Surface.ToLowerInvariant());
                sameNameByCountry[key] = sameNameByCountry.GetValueOrDefault(key) + 1;
            }
        }
        var surface = toponym.Surface.ToLowerInvariant();
        var own = namesByCountry.GetValueOrDefault(toponym.Place.CountryCode) - sameNameByCountry!.GetValueOrDefault((toponym.Place.CountryCode, surface));
        if (own > 0) return false;
        foreach (var (country, count) in namesByCountry)
        {
            if (country != toponym.Place.CountryCode && count - sameNameByCountry!.GetValueOrDefault((country, surface)) > 0) return true;
        }
        return false;
    }
    private HashSet<string>? articleCountries;

    // "bombed the nearby villages of Zebdine and Kfar Tebnit": a name joined to a place of the sentence by "and" or a
    // comma is governed as that place is.
    private bool ListedAfterPlace(int k, IReadOnlyList<Toponym> inSentence)
    {
        if (!(tokens.Is(k - 1, "and") || tokens.Is(k - 1, "or") || tokens.IsSymbol(k - 1, ','))) return false;
        var previousEnd = k >= 2 ? tokens[k - 2].End : -1;
        foreach (var t in inSentence)
        {
            if (t.Span.End == previousEnd)
            {
                var first = tokens.FirstTokenOverlapping(t.Span.Start, t.Span.End);
                return first >= 0 && IsGoverned(first);
            }
        }
        return false;
    }

    // The countries an article is about: those of the places the geoparser is fairly sure of.
    private HashSet<string> ArticleCountries => articleCountries ??= toponyms
        .Where(t => t.Confidence >= 0.5 && t.Place.CountryCode.Length == 2)
        .Select(t => t.Place.CountryCode)
        .ToHashSet(StringComparer.Ordinal);

    public List<SituationEvent> Run()
    {
        var events = new List<SituationEvent>();
        for (var s = 0; s < sentences.Count; s++)
        {
            if (TeaserLines.IsTeaser(text, sentences[s])) continue;
            tokens.Load(text, sentences[s]);
            cues.Clear();
            EventCues.FindAll(tokens, cues);
            if (cues.Count == 0) continue;
            ExtractSentence(s, events);
        }
        return events;
    }

    private void ExtractSentence(int sentence, List<SituationEvent> events)
    {
        sentenceFatalities = null;
        sentenceRemoteKnown = false;
        LoadCandidates(sentence);
        actors.Load(tokens, CountrySubjects(sentence), EventCountry(sentence));
        sentenceCivilianTargets = null;
        dates.Clear();
        DateExpressionParser.FindAllAsOf(tokens, published, dates);
        var dated = dates.Count > 0 ? dates[0] : (DateExpression?)null;
        var (date, timePrecision) = dated is { } d ? (d.Date, d.Precision) : published is { } p ? (p, 2) : ((DateOnly?)null, 3);
        numbers.Clear();
        NumberExpressionParser.FindAll(tokens, numbers);

        if (candidates.Count == 0)
        {
            if (BorrowedPlace(sentence) is not { } borrowed) return;
            var cue = StrongestCue();
            if (cue is null) return;
            Add(events, cue.Value, borrowed.Place, PrecisionOf(borrowed.Place, vicinity: false), date, timePrecision, borrowed.Confidence - 0.15);
            return;
        }

        // One event per distinct cue: each place takes its governing cue, and a cue keeps its most specific place.
        chosen.Clear();
        chosenByCue.Clear();
        foreach (var (toponym, first, end, marked) in candidates)
        {
            if (GoverningCue(first, end) is not { } cue || cue.Suppressed) continue;
            var vicinity = IsVicinity(first);
            if (!chosenByCue.TryGetValue(cue.Token, out var i))
            {
                chosenByCue[cue.Token] = chosen.Count;
                chosen.Add((cue, toponym, vicinity, marked));
            }
            else if (IsMoreSpecific(toponym.Place, chosen[i].Place.Place)
                     || (Rank(toponym.Place.Kind) == Rank(chosen[i].Place.Place.Kind) && first > cue.Token && chosen[i].Place.Span.Start < tokens[cue.Token].Start))
            {
                // "... found dead in Gaza, with rallies in Tel Aviv, Jerusalem and Haifa": a place the cue governs
                // from before it ("rallies in X") beats one it reaches back to.
                chosen[i] = (cue, toponym, vicinity, marked);
            }
        }
        AddCoordinatedScenes();
        DropLocatingAreas();
        foreach (var (cue, toponym, vicinity, marked) in chosen)
        {
            var confidence = toponym.Confidence * (marked ? 1.0 : 0.85);
            var (cueDate, cuePrecision) = DateOf(cue, date, timePrecision);
            Add(events, cue, toponym.Place, PrecisionOf(toponym.Place, vicinity), cueDate, cuePrecision, confidence);
            // "rallies in Tel Aviv, Jerusalem, Haifa and Beersheba", "bombed Zebdine and Kfar Tebnit": ACLED codes one
            // event per location, so every place listed with the chosen one is an event of the same cue.
            foreach (var listed in ListedWith(toponym))
            {
                Add(events, cue, listed.Place, PrecisionOf(listed.Place, vicinity), cueDate, cuePrecision, listed.Confidence * (marked ? 1.0 : 0.85));
            }
        }
    }

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

    private static readonly WordSet Reporting = new(
        "said", "says", "told", "announced", "reported", "confirmed", "added", "stated", "claimed", "tweeted", "posted", "wrote");

    // "sank on Wednesday after fighters attacked it ... on Monday", "said on Saturday that ... were killed in a strike
    // on Thursday": with several dates in a sentence, the event takes the one nearest its cue, and a date that dates
    // a statement ("said on Saturday") dates no event.
    private (DateOnly? Date, int Precision) DateOf(EventCue cue, DateOnly? sentenceDate, int sentencePrecision)
    {
        if (dates.Count < 2) return (sentenceDate, sentencePrecision);
        DateExpression? best = null;
        var bestDistance = double.MaxValue;
        foreach (var d in dates)
        {
            if (IsStatementDate(d) || IsPlannedDate(d)) continue;
            var distance = d.FirstToken >= cue.Token ? d.FirstToken - cue.Token : 1.5 * (cue.Token - d.EndToken + 1);
            // A date far from the cue dates another clause ("... since the incursion on Aug. 6").
            if (distance <= DateWindow && distance < bestDistance) (best, bestDistance) = (d, distance);
        }
        return best is { } b ? (b.Date, b.Precision) : (sentenceDate, sentencePrecision);
    }

    private const int DateWindow = 15;

    private static readonly WordSet Planning = new("due", "will", "expected", "scheduled", "set", "planned", "until", "by", "from");

    // "the truce due to take effect on Sunday": a date in the future dates a plan, not what happened.
    private bool IsPlannedDate(DateExpression d)
    {
        for (var k = d.FirstToken - 1; k >= 0 && k >= d.FirstToken - 5; k--)
        {
            if (tokens.In(k, Planning)) return true;
            if (tokens.IsClauseBreak(k) || tokens.IsSymbol(k, ',')) return false;
        }
        return false;
    }

    private bool IsStatementDate(DateExpression d)
    {
        for (var k = d.FirstToken - 1; k >= 0 && k >= d.FirstToken - 2; k--)
        {
            if (tokens.In(k, Reporting)) return true;
        }
        return false;
    }

    // "broke through its lines at Bweremana in North Kivu and at Minova in South Kivu", "killing one person in Houla,
    // another in Aitaroun and a third in Blida": towns each with their own locative, coordinated under one cue, are
    // each a scene (ACLED codes one event per location).
    private void AddCoordinatedScenes()
    {
        // Pairs of scenes and candidates: bounded, so a run-on "sentence" of thousands of names stays linear.
        if (chosen.Count * candidates.Count > MaxPairs) return;
        var count = chosen.Count;
        for (var c = 0; c < count; c++)
        {
            var (cue, kept, _, _) = chosen[c];
            if (kept.Place.Kind is not (PlaceKind.City or PlaceKind.AdminArea)) continue;
            var keptFirst = tokens.FirstTokenOverlapping(kept.Span.Start, kept.Span.End);
            var keptEnd = tokens.EndTokenOverlapping(keptFirst, kept.Span.End);
            foreach (var (toponym, first, end, marked) in candidates)
            {
                if (!marked || toponym.Place.Kind is not (PlaceKind.City or PlaceKind.AdminArea) || first < keptEnd && end > keptFirst || toponym.Place.Id == kept.Place.Id
                    || toponym.Place.CountryCode != kept.Place.CountryCode || tokens.In(end, AreaWords)) continue;
                if (chosen.Exists(x => x.Place.Place.Id == toponym.Place.Id) || GoverningCue(first, end) is not { } governing || governing.Token != cue.Token) continue;
                var coordinated = first >= keptEnd ? CoordinatedBetween(keptEnd, first) : CoordinatedBetween(end, keptFirst) && LocativeBefore(keptFirst);
                if (!LocativeBefore(first) || !coordinated) continue;
                chosen.Add((cue, toponym, IsVicinity(first), marked));
            }
        }
    }

    private static readonly WordSet AreaWords = new("region", "province", "state", "oblast", "governorate", "district", "county", "territory");

    private bool LocativeBefore(int first)
    {
        for (int k = first - 1, steps = 0; k >= 0 && steps < 4; k--, steps++)
        {
            if (tokens.In(k, Locatives)) return true;
            if (!tokens.In(k, PlaceFillers)) return false;
        }
        return false;
    }

    private bool CoordinatedBetween(int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (tokens.IsClauseBreak(k)) return false;
            if (tokens.Is(k, "and") || tokens.IsSymbol(k, ',') && (tokens.Is(k + 1, "another") || tokens.Is(k + 1, "and"))) return true;
        }
        return false;
    }

    // "overran the division headquarters in El Fasher, the last army stronghold in Darfur, after a siege": an area
    // that holds another scene of the sentence only locates it; ACLED codes the most precise place.
    private const int MaxPairs = 4096;

    private static bool Violent(EventCue cue) =>
        cue.Type is SituationEventType.Battles or SituationEventType.ExplosionsRemoteViolence or SituationEventType.ViolenceAgainstCivilians;

    // Two places each with its own locative joined by "and" are two scenes, however near ("in Jenin and in Tubas").
    private bool Coordinated(Toponym a, Toponym b)
    {
        var (first, second) = a.Span.Start < b.Span.Start ? (a, b) : (b, a);
        var firstEnd = tokens.EndTokenOverlapping(tokens.FirstTokenOverlapping(first.Span.Start, first.Span.End), first.Span.End);
        var secondFirst = tokens.FirstTokenOverlapping(second.Span.Start, second.Span.End);
        return CoordinatedBetween(firstEnd, secondFirst) && LocativeBefore(secondFirst);
    }

    private void DropLocatingAreas()
    {
        if (chosen.Count < 2 || chosen.Count * chosen.Count > MaxPairs) return;
        chosen.RemoveAll(c => chosen.Exists(d => d.Place.Place.Id != c.Place.Place.Id && Fineness(d.Place.Place) < Fineness(c.Place.Place)
            && !Coordinated(c.Place, d.Place)
            && (Fineness(c.Place.Place) >= 3 && Holds(c.Place.Place, d.Place.Place)
                // "shelling hit a tent camp in the al-Mawasi area south of Khan Younis, killing six": the town the
                // finer scene is placed by, reached by another cue of the same attack.
                || Violent(c.Cue) && Violent(d.Cue) && AreNear(c.Place.Place, d.Place.Place))));
    }

    private const double HoldsKilometres = 100;

    private static bool Holds(GazetteerEntry area, GazetteerEntry place)
    {
        // Ray crossing, not Geometry.Contains: some country outlines are not valid polygons (dateline slivers), and
        // a point-in-area test needs no valid topology.
        if (area.Boundary is { } boundary)
            return NetTopologySuite.Algorithm.Locate.SimplePointInAreaLocator.Locate(new NetTopologySuite.Geometries.Coordinate(place.Longitude, place.Latitude), boundary)
                   != NetTopologySuite.Geometries.Location.Exterior;
        return Geo.Kilometres(area.Latitude, area.Longitude, place.Latitude, place.Longitude) <= HoldsKilometres;
    }

    // The candidates joined to the chosen place by commas, "and" or "or", of the same kind, on either side of it.
    private IEnumerable<Toponym> ListedWith(Toponym chosenPlace)
    {
        var at = candidates.FindIndex(c => c.Toponym.Span.Start == chosenPlace.Span.Start);
        if (at < 0) yield break;
        for (var i = at + 1; i < candidates.Count && Joined(candidates[i - 1].End, candidates[i].First) && SameRank(candidates[i], chosenPlace); i++)
            yield return candidates[i].Toponym;
        for (var i = at - 1; i >= 0 && Joined(candidates[i].End, candidates[i + 1].First) && SameRank(candidates[i], chosenPlace); i--)
            yield return candidates[i].Toponym;
    }

    private static bool SameRank((Toponym Toponym, int First, int End, bool Marked) candidate, Toponym chosenPlace) =>
        Rank(candidate.Toponym.Place.Kind) == Rank(chosenPlace.Place.Kind) && candidate.Toponym.Place.Id != chosenPlace.Place.Id;

    private bool Joined(int end, int next)
    {
        if (next <= end || next - end > 3) return false;
        for (var k = end; k < next; k++)
        {
            if (!(tokens.IsSymbol(k, ',') || tokens.Is(k, "and") || tokens.Is(k, "or") || tokens.In(k, PlaceFillers))) return false;
        }
        return true;
    }

    private void Add(List<SituationEvent> events, EventCue cue, GazetteerEntry place, int geoPrecision, DateOnly? date, int timePrecision, double placeConfidence)
    {
        var (type, subType, fatalities) = Refine(cue);
        var (actor1, actor2) = actors.For(tokens, cue.Token, type, sentenceFatalities?.Victims == Victims.Civilians, sentenceCivilianTargets ??= CivilianTargets(), place);
        // "In the same barrage a missile struck Kryvyi Rih": an attack with no named attacker is, in the article's
        // telling, by the attacker of its last attack of the same kind.
        if (type is SituationEventType.ExplosionsRemoteViolence or SituationEventType.Battles or SituationEventType.ViolenceAgainstCivilians)
        {
            if (actor1 is null && lastAttacker.TryGetValue(type, out var earlier) && earlier.Name != actor2?.Name) actor1 = earlier;
            else if (actor1 is not null && actor1.Type is not (ActorType.Civilians or ActorType.Protesters or ActorType.Rioters)) lastAttacker[type] = actor1;
        }
        // ACLED: the side a place was taken from is actor 2; unnamed, it is the state's forces that held it ("M23
        // fighters seized Sake", "rebels captured Hama").
        if (subType == EventCues.TerritoryTaken && actor2 is null && actor1 is { Type: not ActorType.StateForces })
        {
            actor2 = actors.MilitaryAt(place);
        }
        // A strike on a base, a depot or a defence ministry hits the forces that hold it: its state's military.
        if (type == SituationEventType.ExplosionsRemoteViolence && actor2 is null or { Type: ActorType.Civilians } && StateTargets()
            && actors.MilitaryAt(place) is { } holder && holder.Name != actor1?.Name)
        {
            actor2 = holder;
        }
        if (subType == EventCues.TerritoryTaken)
        {
            // ACLED: a state's forces take back their own territory; anyone else overtakes it.
            subType = actor1?.Type == ActorType.StateForces ? "government regains territory" : "non-state actor overtakes territory";
        }
        // A specific cue and a sure place both raise confidence; the place's confidence also scales the whole,
        // because an event at the wrong place misleads more than a vaguely typed one.
        var confidence = Math.Round(Math.Clamp((0.5 + cue.Strength + 0.2 * placeConfidence) * Math.Max(placeConfidence, 0.3) + 0.1, 0.05, 0.99), 2);
        var situationEvent = new SituationEvent
        {
            Type = type,
            SubType = subType,
            Place = place,
            Date = date,
            GeoPrecision = geoPrecision,
            TimePrecision = timePrecision,
            Fatalities = fatalities,
            Sentence = tokens.Sentence,
            Confidence = confidence,
            Actor1 = actor1,
            Actor2 = actor2,
        };
        // ACLED: one event per actor pair, location and day. The same place and day told by several cues ("broke
        // through its lines at Minova ... had taken Minova", "a strike ... killing 29") is one event, typed by its
        // most telling cue; a different pair of sides there that day is another event.
        if (!eventIndex.TryGetValue((place.Id, date), out var same))
        {
            eventIndex[(place.Id, date)] = same = [];
        }
        foreach (var i in same)
        {
            var kept = events[i];
            if (!SameSides(kept, situationEvent)) continue;
            // Two developments of different kinds (a troop order and a planned offensive) are two events.
            if (Weight(kept) < 2 && Weight(situationEvent) < 2 && (kept.Type != situationEvent.Type || kept.SubType != situationEvent.SubType)) continue;
            var better = Weight(situationEvent) > Weight(kept)
                         || Weight(situationEvent) == Weight(kept) && (situationEvent.TimePrecision < kept.TimePrecision
                             || situationEvent.TimePrecision == kept.TimePrecision && situationEvent.Confidence > kept.Confidence)
                ? situationEvent
                : kept;
            events[i] = better with
            {
                Fatalities = Max(kept.Fatalities, situationEvent.Fatalities),
                Actor1 = better.Actor1 ?? kept.Actor1 ?? situationEvent.Actor1,
                Actor2 = better.Actor2 ?? kept.Actor2 ?? situationEvent.Actor2,
            };
            return;
        }
        same.Add(events.Count);
        events.Add(situationEvent);
    }

    private static bool SameSides(SituationEvent a, SituationEvent b) =>
        a.Actor1 is null || b.Actor1 is null || a.Actor1.Name == b.Actor1.Name
        || a.Actor2 is not null && b.Actor2 is not null && a.Actor1.Name == b.Actor2.Name && a.Actor2.Name == b.Actor1.Name;

    // How much a type says about what happened there: a place changing hands or a strike over a clash, a clash over
    // a protest, anything violent over talks and movements.
    private static int Weight(SituationEvent e) => e.Type switch
    {
        SituationEventType.Battles when e.SubType is "government regains territory" or "non-state actor overtakes territory" => 4,
        SituationEventType.ExplosionsRemoteViolence => 3,
        SituationEventType.ViolenceAgainstCivilians or SituationEventType.Battles or SituationEventType.Riots => 2,
        SituationEventType.Protests or SituationEventType.HumanitarianAccess => 1,
        _ => 0,
    };

    private static readonly WordSet Crowds = new(
        "protesters", "protestors", "demonstrators", "crowd", "crowds", "mob", "rioters", "youths", "students");

    private static readonly WordSet ArmedSides = new(
        "gunmen", "militants", "fighters", "rebels", "insurgents", "jihadists", "militia", "militiamen", "soldiers", "troops",
        "forces", "army", "gang", "gangs", "bandits", "settlers");

    private static readonly WordSet Rioting = new(
        "torched", "looted", "looting", "ransacked", "stormed", "hurled", "smashed", "vandalised", "vandalized", "burned", "burnt", "stones", "rocks");

    private bool Any(WordSet words)
    {
        for (var k = 0; k < tokens.Count; k++)
        {
            if (tokens.In(k, words) || (tokens.Is(k, "set") && tokens.Is(k + 1, "fire"))) return true;
        }
        return false;
    }

    private bool WithoutFighting()
    {
        for (var k = 0; k + 1 < tokens.Count; k++)
        {
            if (tokens.Is(k, "without") && (tokens.Is(k + 1, "resistance") || tokens.Is(k + 1, "fighting") || tokens.Is(k + 1, "a") || tokens.Is(k + 1, "meeting") || tokens.Is(k + 1, "firing"))) return true;
            if ((tokens.Is(k, "pulled") || tokens.Is(k, "pull")) && tokens.Is(k + 1, "out")) return true;
        }
        return false;
    }

    private static int? Max(int? a, int? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    // Killing cues take their type from the victims, and ACLED puts any killing by strikes or shelling under remote violence.
    private (SituationEventType Type, string SubType, int? Fatalities) Refine(EventCue cue)
    {
        var (fatalities, victims) = sentenceFatalities ??= Fatalities();
        if (!sentenceRemoteKnown) (sentenceRemote, sentenceRemoteKnown) = (cues.Find(c => c.Type == SituationEventType.ExplosionsRemoteViolence && !c.Suppressed), true);
        var remote = sentenceRemote!.Value;
        if (cue.Flavor == CueFlavor.Lethal)
        {
            if (remote.SubType is not null) return (remote.Type, remote.SubType, fatalities);
            return victims == Victims.Combatants ? (SituationEventType.Battles, "armed clash", fatalities) : (SituationEventType.ViolenceAgainstCivilians, "attack", fatalities);
        }
        var clash = cue.Type == SituationEventType.Battles && cue.SubType == "armed clash";
        // "Russian drones attacked Odesa", "a missile and drone attack on Kyiv": a bare attack made with remote weapons
        // is remote violence.
        if (clash && cue.Strength <= 0.05 && remote.SubType is not null) return (remote.Type, remote.SubType, fatalities);
        // "Protesters angry at the fall of Goma attacked the embassies", "crowds stormed the residence": a crowd's
        // violence with no armed side is a riot.
        if (clash && Any(Crowds) && !Any(ArmedSides)) return (SituationEventType.Riots, "violent demonstration", fatalities);
        // "Gunmen attacked a village, killing five civilians", "fighters stormed its compound, killing nine staff": an
        // attack or raid whose dead are civilians is violence against them. "gunmen opened fire on people at a light
        // rail stop, killing seven": no noun for the dead, but what was hit.
        if (clash && cue.Strength <= 0.1 && remote.SubType is null
            && (victims == Victims.Civilians || cue.Strength <= 0.05 && victims == Victims.Unknown && (sentenceCivilianTargets ??= CivilianTargets())))
        {
            return (SituationEventType.ViolenceAgainstCivilians, "attack", fatalities);
        }
        // "protesters set fire to tyres and looted shops": a riot; "marched into Damascus without meeting resistance":
        // territory handed over, not won in battle.
        if (cue.Type == SituationEventType.Protests && Any(Rioting)) return (SituationEventType.Riots, "violent demonstration", fatalities);
        if (cue.SubType == EventCues.TerritoryTaken && WithoutFighting()) return (SituationEventType.StrategicDevelopments, "non-violent transfer of territory", null);
        var counts = cue.Type is SituationEventType.Battles or SituationEventType.ExplosionsRemoteViolence or SituationEventType.ViolenceAgainstCivilians or SituationEventType.Riots;
        return (cue.Type, cue.SubType, counts ? fatalities : null);
    }

    // "killed more than 30 militants", "at least 12 people were killed", "30 dead": the lower bound of the stated count.
    private enum Victims
    {
        Unknown,
        Combatants,
        Civilians,
    }

    private (int? Fatalities, Victims Victims) Fatalities()
    {
        foreach (var number in numbers)
        {
            if (number.Percent is not null || number.IsYearLike || number.Value <= 0) continue;
            // "about 40 minutes apart, killing seven": a duration or a distance counts no one; nor does an age
            // ("a 26-year-old villager").
            if (tokens.In(number.EndToken, Units) || IsAge(number.EndToken)) continue;
            // Only deaths are fatalities: "wounding three workers" counts no one.
            var lethalBefore = IsKilling(number.FirstToken - 1);
            var k = number.EndToken;
            while (k < tokens.Count && k < number.EndToken + 3 && tokens.IsWord(k) && !IsKilling(k) && !tokens.Is(k, "were") && !tokens.Is(k, "have") && !tokens.Is(k, "and")) k++;
            var victimsEnd = k;
            // "At least 29 people, 18 of them children, were killed": the aside counts part of the same dead.
            var predicate = SkipAside(victimsEnd);
            // "Two women, one of them eight months pregnant, and a young man were killed": more dead joined after the aside.
            var joined = tokens.Is(predicate, "and") ? ListedAfter(predicate) : 0;
            var lethalAfter = false;
            // "... their companions were shot dead": a few words of the verb may stand between.
            for (var j = predicate; j < tokens.Count && j < predicate + (tokens.Is(predicate, "and") ? 8 : 5) && !tokens.IsClauseBreak(j); j++)
            {
                if (IsKilling(j)) lethalAfter = true;
            }
            if (!lethalBefore && !lethalAfter) continue;
            var victims = Victims.Unknown;
            for (var j = number.EndToken; j < victimsEnd; j++)
            {
                if (tokens.In(j, Combatants)) victims = Victims.Combatants;
                else if (victims == Victims.Unknown && (tokens.In(j, CivilianVictims) || tokens.IsCapitalised(j))) victims = Victims.Civilians;
            }
            var count = number.Low ?? number.Value;
            // "killed four foreign farm workers and an Israeli farmer": the dead listed after the count are counted too.
            count += joined > 0 ? joined : ListedAfter(victimsEnd);
            return (count > int.MaxValue ? int.MaxValue : (int)count, victims);
        }
        return SingleDeath();
    }

    private static readonly WordSet Singular = new("a", "an", "one");

    // "... and an Israeli farmer", "... and two colleagues": more dead joined to a counted group.
    private long ListedAfter(int k)
    {
        for (var j = k; j < tokens.Count && j < k + 2; j++)
        {
            if (!tokens.Is(j, "and")) continue;
            if (tokens.In(j + 1, Singular)) return 1;
            foreach (var number in numbers)
            {
                if (number.FirstToken == j + 1 && number.Percent is null && !number.IsYearLike && number.Value is > 0 and < 1000) return number.Low ?? number.Value;
            }
        }
        return 0;
    }

    private static readonly WordSet LethalPassives = new("killed", "dead", "slain", "died");

    // ACLED's conservative count when no number is stated: one named or singular victim is one death ("a 26-year-old
    // villager was shot dead", "killed a 17-year-old", "killed correspondent Anas al-Sharif").
    private (int? Fatalities, Victims Victims) SingleDeath()
    {
        for (var k = 1; k < tokens.Count; k++)
        {
            if (!IsKilling(k)) continue;
            // "was shot dead", "was killed", "died": a singular subject.
            if (tokens.In(k, LethalPassives) && (tokens.Is(k - 1, "was") || tokens.Is(k - 2, "was") && tokens.IsWord(k - 1) && !tokens.IsCapitalised(k - 1))
                && !tokens.Is(k - 1, "who"))
                return (1 + (int)ListedAfter(k + 1), Victims.Civilians);
            // "killed a 17-year-old", "killed Al Jazeera correspondent Anas al-Sharif and four colleagues".
            if ((tokens.Is(k, "killed") || tokens.Is(k, "killing")) && (tokens.In(k + 1, Singular) && !tokens.Is(k + 2, "of")))
                return (1 + (int)ListedAfter(NextClauseWord(k + 2)), Victims.Civilians);
        }
        return (null, Victims.Unknown);
    }

    // The token after the noun phrase that starts at k: the next "and", comma or clause break.
    private int NextClauseWord(int k)
    {
        var j = k;
        while (j < tokens.Count && j < k + 8 && tokens.IsWord(j) && !tokens.Is(j, "and")) j++;
        return j;
    }

    private static readonly WordSet Units = new(
        "minutes", "minute", "hours", "hour", "days", "day", "weeks", "months", "years", "km", "kilometres", "kilometers",
        "miles", "metres", "meters", "trucks", "rockets", "missiles", "drones", "shells", "bombs", "homes", "houses", "buildings",
        "strike", "strikes", "airstrike", "airstrikes", "attack", "attacks", "raid", "raids", "blast", "blasts", "explosion",
        "explosions", "months", "weeks");

    // "26-year-old", "26 year old", "aged 26" is an age, not a count.
    private bool IsAge(int k)
    {
        if (tokens.IsDash(k)) k++;
        return tokens.Is(k, "year") || tokens.Is(k, "years") && (tokens.IsDash(k + 1) || tokens.Is(k + 1, "old")) || tokens.Is(k, "yr");
    }

    private static readonly WordSet AsideOpeners = new("including", "mostly", "most", "many", "among", "half", "mainly", "all");

    // From a comma after the counted people, past an aside that counts some of them, to what follows it.
    private int SkipAside(int k)
    {
        if (!tokens.IsSymbol(k, ',')) return k;
        var opensAside = tokens.IsNumber(k + 1) || tokens.In(k + 1, AsideOpeners) || tokens.In(k + 1, NumberWordsLike);
        if (!opensAside) return k;
        for (var j = k + 1; j < tokens.Count && j <= k + 10; j++)
        {
            if (tokens.IsSymbol(j, ',')) return j + 1;
        }
        return k;
    }

    private static readonly WordSet NumberWordsLike = new("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds");

    private bool IsKilling(int k) => tokens.In(k, Killing) && !IsSuppressed(k);

    private bool IsSuppressed(int k)
    {
        var i = FirstCueFrom(k);
        return i < cues.Count && cues[i].Token == k && cues[i].Suppressed;
    }

    // Cues come in token order: the index of the first cue at or after token k.
    private int FirstCueFrom(int k)
    {
        int lo = 0, hi = cues.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (cues[mid].Token < k) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    // The cue nearest before the place, or the one nearest after it: a cue after the place governs it less often
    // ("in Rafah, talks ..."), so it pays a small penalty.
    private EventCue? GoverningCue(int first, int end)
    {
        var after = FirstCueFrom(first);
        EventCue? best = after > 0 ? cues[after - 1] : null;
        var bestDistance = best is { } before ? first - before.Token : int.MaxValue;
        while (after < cues.Count && cues[after].Token < end) after++;
        if (after < cues.Count && cues[after].Token - end + 3 < bestDistance) best = cues[after];
        return best;
    }

    private EventCue? StrongestCue()
    {
        EventCue? best = null;
        foreach (var cue in cues)
        {
            if (!cue.Suppressed && (best is null || cue.Strength > best.Value.Strength)) best = cue;
        }
        return best;
    }

    private (GazetteerEntry Place, double Confidence)? BorrowedPlace(int sentence)
    {
        var last = tokens.Count - 1;
        while (last >= 0 && !tokens.IsWord(last)) last--;
        if (last < 0 || !tokens.In(last, DanglingEnds) || sentence + 1 >= sentences.Count || Places.Teasers[sentence + 1]) return null;
        var next = Places.In(sentence + 1);
        if (next.Count == 0) return null;
        var opening = next[0];
        var firstLetter = sentences[sentence + 1].Start;
        while (firstLetter < opening.Span.Start && !char.IsLetterOrDigit(text[firstLetter])) firstLetter++;
        return opening.Span.Start == firstLetter ? (opening.Place, opening.Confidence) : null;
    }

    private void LoadCandidates(int sentence)
    {
        candidates.Clear();
        var anyMarked = false;
        var inSentence = Consistent(Places.In(sentence));
        recovered.Clear();
        recovery?.Find(tokens, k => IsGoverned(k) || ListedAfterPlace(k, inSentence), inSentence, ArticleCountries, DistinctSurePlaces, recovered);
        IEnumerable<Toponym> all = recovered.Count == 0 ? inSentence : inSentence.Concat(recovered).OrderBy(t => t.Span.Start);
        foreach (var toponym in all)
        {
            var first = tokens.FirstTokenOverlapping(toponym.Span.Start, toponym.Span.End);
            if (first < 0) continue;
            var end = tokens.EndTokenOverlapping(first, toponym.Span.End);
            // "Israel's army" is an actor; "Sanaa's airport", "Nabatieh's town hall" is where it happened.
            var facility = tokens.IsPossessiveAt(end) && (tokens.In(end + 2, Facilities) || tokens.In(end + 3, Facilities));
            if (tokens.IsPossessiveAt(end) && !facility) continue;
            // "the Kafr Qasim school", "Kamal Adwan hospital": a place's name inside an institution's name.
            if (tokens.In(end, NamedInstitutions)) continue;
            // "Ain el-Delb, east of Sidon": a landmark to locate the place before it.
            if (IsLandmark(first)) continue;
            var marked = IsGoverned(first) || (facility && IsGoverned(first));
            if (!marked && toponym.Place.Kind is PlaceKind.Country or PlaceKind.Region) continue;
            anyMarked |= marked;
            candidates.Add((toponym, first, end, marked));
        }
        // "in Tel Aviv, Jerusalem, Haifa and Beersheba": places listed after a governed place are governed too, and so is
        // the part of a governed place named after its possessive ("in Gaza City's Sabra neighbourhood").
        for (var i = 1; i < candidates.Count; i++)
        {
            var previous = candidates[i - 1];
            var partOf = tokens.IsPossessiveAt(previous.End) && candidates[i].First == previous.End + 2;
            if (!candidates[i].Marked && previous.Marked && (partOf || Joined(previous.End, candidates[i].First)))
                candidates[i] = candidates[i] with { Marked = true };
        }
        // An unmarked city is the scene only when nothing better is named.
        if (anyMarked) candidates.RemoveAll(c => !c.Marked);
        else if (candidates.Count > 1) candidates.Clear();
    }

    private static readonly WordSet Facilities = new(
        "airport", "port", "harbour", "harbor", "hall", "centre", "center", "outskirts", "suburbs", "market", "hospital",
        "refinery", "station", "bridge", "camp", "neighbourhood", "neighborhood", "district", "old", "main", "southern",
        "northern", "eastern", "western", "central", "international");

    private static readonly WordSet NamedInstitutions = new(
        "school", "hospital", "mosque", "church", "university", "clinic", "stadium", "programme", "program", "brigade",
        "brigades", "battalion", "movement", "front", "council", "committee", "agreement", "accords", "process", "format",
        "street", "road", "square", "boulevard", "avenue", "embassy", "consulate", "envoy", "ambassador", "officials", "citizens",
        "nationals");

    private static readonly WordSet Bearings = new(
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east", "north-west",
        "south-east", "south-west");

    private bool IsLandmark(int first)
    {
        if (!tokens.Is(first - 1, "of")) return false;
        var k = first - 2;
        if (!tokens.In(k, Bearings)) return false;
        return tokens.IsSymbol(k - 1, ',') || tokens.Is(k - 1, "km") || tokens.Is(k - 1, "kilometres") || tokens.Is(k - 1, "miles") || tokens.IsNumber(k - 1)
               || tokens.Is(k - 1, "just") || tokens.Is(k - 1, "some");
    }

    private bool IsGoverned(int first)
    {
        for (int k = first - 1, steps = 0; k >= 0 && steps < 6; k--, steps++)
        {
            if (tokens.In(k, Locatives) || tokens.In(k, ObjectVerbs)) return true;
            // "captured the mining town of Toretsk": a few lower-case descriptors may stand between verb and place.
            var descriptor = steps < 4 && tokens.IsWord(k) && !tokens.IsCapitalised(k) && !tokens.Is(k, "and") && !tokens.Is(k, "said");
            if (!tokens.In(k, PlaceFillers) && !tokens.IsSymbol(k, '-') && !descriptor) return false;
        }
        return false;
    }

    private bool IsVicinity(int first)
    {
        for (int k = first - 1, steps = 0; k >= 0 && steps < 4; k--, steps++)
        {
            if (tokens.In(k, Vicinity)) return true;
            if (!tokens.In(k, PlaceFillers)) return false;
        }
        return false;
    }

    // ACLED codes the most precise location stated: of two places a few kilometres apart ("the al-Mawasi area west of
    // Khan Younis", "Aitou, a village in the Zgharta district", "Gaza City's Sabra neighbourhood") the finer one is the
    // scene and the other locates it. Far apart, they are two scenes and the kind decides (a town before its province).
    private static bool IsMoreSpecific(GazetteerEntry a, GazetteerEntry b)
    {
        if (AreNear(a, b)) return Fineness(a) < Fineness(b);
        return Rank(a.Kind) < Rank(b.Kind);
    }

    private const double NearKilometres = 40;

    private static bool AreNear(GazetteerEntry a, GazetteerEntry b) =>
        a.Id != b.Id && Geo.Kilometres(a.Latitude, a.Longitude, b.Latitude, b.Longitude) <= NearKilometres;

    // Smaller is finer: a neighbourhood or camp, then a small named area or village, a town, a city, an admin area,
    // a large region, a country.
    private static int Fineness(GazetteerEntry place) => place.Kind switch
    {
        PlaceKind.City when place.FeatureCode is "PPLX" or "CMPRF" => 0,
        // A small named area inside a province ("al-Mawasi", "Bhasan Char": a point with an admin-1 parent), not a
        // part of a country named by its direction ("Southern Gaza") or a region across provinces ("Darfur").
        PlaceKind.Region when place.Boundary is null && place.Admin1Code.Length > 0 && !NamedByDirection(place.Name) => 1,
        PlaceKind.City when place.Population < 100_000 => 1,
        PlaceKind.City => 2,
        PlaceKind.AdminArea => 3,
        PlaceKind.Region => 4,
        _ => 5,
    };

    private static int Rank(PlaceKind kind) => kind switch
    {
        PlaceKind.City => 0,
        PlaceKind.AdminArea => 1,
        PlaceKind.Region => 2,
        _ => 3,
    };

    // ACLED geo-precision: 1 the town itself, 2 near a town or a part of a region (a governorate), 3 a larger region or country.
    private static readonly WordSet DirectionWords = new(
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast", "northwest",
        "southeast", "southwest", "upper", "lower", "greater");

    private static bool NamedByDirection(string name)
    {
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && DirectionWords.Contains(name.AsSpan(0, space));
    }

    private static int PrecisionOf(GazetteerEntry place, bool vicinity) => place.Kind switch
    {
        PlaceKind.City => vicinity ? 2 : 1,
        PlaceKind.AdminArea => 2,
        _ => 3,
    };
}
