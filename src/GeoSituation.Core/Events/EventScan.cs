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
internal sealed partial class EventScan(string text, IReadOnlyList<TextSpan> sentences, IReadOnlyList<Toponym> toponyms, DateOnly? published, ActorDictionary actorDictionary, EventPlaceRecovery? recovery = null)
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
}
