using GeoSituation.Core.Extraction;
using GeoSituation.Core.Gazetteer;

namespace GeoSituation.Core.Events;

/// <summary>Who did what to whom in a sentence: ACLED's actor 1 and actor 2 of an event.</summary>
/// <remarks>
/// The actors named in the sentence come from the <see cref="ActorDictionary"/>. For an event cue, actor 1 is the
/// side named before it (the subject: "the RSF attacked") unless the sentence says by whom ("were killed by Israeli
/// fire", "hit by Russian drones"), and actor 2 the side named after it ("attacked the army"), else the sentence's
/// victims: civilians killed or hurt are ACLED's "Civilians" (7). A protest with no named organiser is by protesters
/// (6), a riot by rioters (5). A state's forces acting outside their own country are external forces (8), as ACLED
/// codes them (Israeli forces in Gaza or Lebanon, Russian forces in Ukraine).
/// </remarks>
internal sealed class EventActors(ActorDictionary dictionary)
{
    private readonly List<(KnownActor Actor, int First, int End, bool ByCountry)> mentions = [];

    private static readonly WordSet ForceNouns = new(
        "missile", "missiles", "strike", "strikes", "airstrike", "airstrikes", "jets", "warplanes", "planes", "drone", "drones",
        "bombs", "bombing", "bombardment", "shelling", "artillery", "tanks", "troops", "soldiers", "forces", "fire", "gunfire",
        "raid", "raids", "snipers", "navy", "warships", "helicopters", "rockets", "army", "military", "units", "bulldozers");

    private static readonly WordSet AirWords = new("air", "guided", "ballistic", "cruise", "naval", "aerial", "special", "armoured", "armored");

    private static readonly EventActor Civilians = new("Civilians", ActorType.Civilians);
    private static readonly EventActor Protesters = new("Protesters", ActorType.Protesters);
    private static readonly EventActor Rioters = new("Rioters", ActorType.Rioters);

    private static readonly WordSet MilitaryNouns = new(
        "army", "military", "troops", "soldiers", "soldier", "junta", "paratroopers", "servicemen");

    private static readonly WordSet PoliceNouns = new("police", "policemen", "gendarmes", "gendarmerie", "riot");

    private static readonly WordSet ForceQualifiers = new("government", "federal", "regime", "security", "national", "state", "army", "armed", "junta");

    private static readonly WordSet ForceHeads = new("forces", "troops", "units", "soldiers");

    private static readonly WordSet Pronouns = new("its", "their");

    private static readonly WordSet SpeakingVerbs = new("said", "says", "told", "reported", "added", "confirmed", "announced", "stated");

    private static readonly WordSet Speakers = new(
        "source", "sources", "spokesman", "spokeswoman", "spokesperson", "official", "officials", "statement", "statements", "chief", "chiefs", "leader", "leaders");

    private bool violent;

    // The last military the article named, across sentences: what "the army" refers to next.
    private KnownActor? lastMilitary;

    /// <summary>Finds the actor phrases of the sentence loaded in <paramref name="tokens"/>.</summary>
    /// <param name="tokens">The sentence.</param>
    /// <param name="subjects">Countries named as agents (not after a preposition): "Israel unleashed", "Russia's
    /// Defence Ministry said its forces"; each stands for its military, as ACLED codes a state's attack.</param>
    /// <param name="eventCountry">The country the sentence's events are in: "the army", "police" are its forces.</param>
    public void Load(SentenceTokens tokens, IReadOnlyList<(int First, int End, string Country)> subjects, string eventCountry)
    {
        mentions.Clear();
        var s = 0;
        for (var k = 0; k < tokens.Count; k++)
        {
            while (s < subjects.Count && subjects[s].End <= k) s++;
            if (s < subjects.Count && subjects[s].First == k)
            {
                var (first, end, country) = subjects[s];
                if (dictionary.MilitaryOf(country) is { } military) mentions.Add((military, first, end, true));
                k = end - 1;
                continue;
            }
            if (dictionary.MatchAt(tokens, k, out var matchEnd) is { } actor)
            {
                mentions.Add((actor, k, matchEnd, false));
                if (actor.Type == ActorType.StateForces && actor.Name.StartsWith("Military Forces of ", StringComparison.Ordinal)) lastMilitary = actor;
                k = matchEnd - 1;
                continue;
            }
            // "Israeli missiles", "Russian drones", "US air strikes", "Two Russian Iskander missiles": a nationality
            // before a weapon or a unit is that state's forces, as the dictionary names them ("Russian forces").
            if (tokens.IsCapitalised(k) && ForceNounWithin(tokens, k + 1) is var weapon && weapon > 0
                && dictionary.Find(tokens.Chars(k).ToString() + " forces") is { } forces)
            {
                mentions.Add((forces, k, weapon + 1, false));
                if (forces.Type == ActorType.StateForces) lastMilitary = forces;
                k = weapon;
                continue;
            }
            if (GenericForce(tokens, k, eventCountry, out var genericEnd) is { } generic)
            {
                mentions.Add((generic, k, genericEnd, false));
                k = genericEnd - 1;
            }
        }
    }

    // The weapon or unit noun at most two words after a nationality ("Russian Iskander missiles", "Israeli air strikes").
    private static int ForceNounWithin(SentenceTokens tokens, int k)
    {
        for (var j = k; j < k + 3 && j < tokens.Count; j++)
        {
            if (tokens.In(j, ForceNouns)) return j;
            if (!tokens.IsWord(j) || !(tokens.IsCapitalised(j) || tokens.In(j, AirWords)) && !(tokens.IsDash(j) && tokens.IsGlued(j))) return -1;
        }
        return -1;
    }

    // "the army", "government forces", "security forces", "police", "its troops": an unnamed state force. A pronoun
    // refers back to the last state force named ("the Israeli army said militants attacked its troops"); otherwise
    // it is the force of the country the event is in.
    private KnownActor? GenericForce(SentenceTokens tokens, int k, string eventCountry, out int end)
    {
        end = k + 1;
        if (!tokens.IsWord(k) || tokens.IsCapitalised(k) && k > 0) return null;
        var police = tokens.In(k, PoliceNouns) && !(tokens.Is(k, "riot") && !tokens.Is(k + 1, "police"));
        var military = tokens.In(k, MilitaryNouns);
        if (tokens.In(k, ForceQualifiers) && tokens.In(k + 1, ForceHeads))
        {
            military = true;
            end = k + 2;
        }
        if (tokens.Is(k, "riot") && tokens.Is(k + 1, "police")) end = k + 2;
        if (!police && !military) return null;
        // "a military source said", "army spokesman", "police said": a speaker, not a side in the event.
        if (tokens.In(end, Speakers) || tokens.In(end, SpeakingVerbs)) return null;
        // "South Africa's military", "Israel's army": a country's possessive was taken as that country's forces.
        if (tokens.Is(k - 1, "s") && tokens.IsGlued(k - 1)) return null;
        if (tokens.In(k - 1, Pronouns))
        {
            for (var i = mentions.Count - 1; i >= 0; i--)
            {
                if (mentions[i].Actor.Type == ActorType.StateForces) return mentions[i].Actor;
            }
        }
        if (police) return eventCountry.Length == 2 ? dictionary.PoliceOf(eventCountry) : null;
        // "Israeli troops entered Jenin ... the army said": once the article has named a military, "the army" is it.
        if (lastMilitary is not null) return lastMilitary;
        if (eventCountry.Length != 2) return null;
        // The Palestinian territories have no army of their own: "the army", "troops" there are Israel's.
        return dictionary.MilitaryOf(eventCountry == "PS" ? "IL" : eventCountry);
    }

    /// <param name="civilianVictims">The sentence's dead or hurt are civilians.</param>
    /// <param name="civilianTargets">What was hit is civilian (homes, tents, a school, a market, people).</param>
    public (EventActor? Actor1, EventActor? Actor2) For(SentenceTokens tokens, int cueToken, SituationEventType type, bool civilianVictims, bool civilianTargets, GazetteerEntry place)
    {
        // A country standing for its forces ("Israel unleashed air strikes") acts only in violence; in talks or an
        // agreement it is the state, which the dictionary names when it matters.
        violent = type is SituationEventType.Battles or SituationEventType.ExplosionsRemoteViolence or SituationEventType.ViolenceAgainstCivilians;
        EventActor? actor1 = null, actor2 = null;
        var agentAfterBy = -1;
        for (var i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.ByCountry && !violent) continue;
            // "were killed by Israeli fire", "hit by Russian drones", "launched by Yemen's Houthis": the agent follows
            // "by" after the cue.
            if (m.First > cueToken && m.First - cueToken <= 8 && ByBefore(tokens, m.First))
            {
                agentAfterBy = i;
                break;
            }
        }
        if (agentAfterBy >= 0)
        {
            actor1 = Of(mentions[agentAfterBy].Actor, place);
            var before = LastBefore(cueToken, 12);
            if (before is { } b && b.Name != actor1.Name) actor2 = b;
        }
        else
        {
            // "An Israeli air strike on a school housing displaced people killed 21": civilians named before the
            // cue are what was hit, and the armed side before them is who hit it.
            actor1 = LastBefore(cueToken, 20, place, armedOnly: true);
            actor2 = FirstAfter(cueToken, 10, place, actor1) ?? LastBefore(cueToken, 20, place, civiliansOnly: true);
        }
        // A protest is by its protesters, a riot by its rioters: police or troops there are the other side
        // ("Police fired tear gas at protesters who rallied in Kano").
        if (type is SituationEventType.Protests or SituationEventType.Riots)
        {
            if (actor1 is { Type: ActorType.StateForces or ActorType.ExternalOrOtherForces })
            {
                actor2 ??= actor1;
                actor1 = null;
            }
            actor2 ??= StateForceNear(cueToken, 20, place);
        }
        // Only an armed or political side acts: a civilian named after the cue is acted upon.
        // "Rebels captured Kidal after the army withdrew": an unnamed armed side before the cue acts, and the named
        // force after it is acted upon.
        if (actor1 is null && type is not (SituationEventType.Protests or SituationEventType.Riots) && !UnnamedAgentBefore(tokens, cueToken)
            && actor2 is { Type: not (ActorType.Civilians or ActorType.Protesters or ActorType.Rioters) }) (actor1, actor2) = (actor2, null);
        if (type == SituationEventType.Protests) actor1 ??= Protesters;
        if (type == SituationEventType.Riots) actor1 ??= Rioters;
        // ACLED: violence against civilians always has civilians as actor 2; remote violence when civilians died.
        if (actor2 is null && (type == SituationEventType.ViolenceAgainstCivilians
                               || ((civilianVictims || civilianTargets) && type == SituationEventType.ExplosionsRemoteViolence))) actor2 = Civilians;
        return (actor1, actor2);
    }

    private static readonly WordSet UnnamedArmed = new(
        "rebels", "rebel", "insurgents", "militants", "fighters", "jihadists", "gunmen", "militiamen", "attackers", "assailants",
        "gangs", "gang", "bandits", "extremists", "separatists");

    private static bool UnnamedAgentBefore(SentenceTokens tokens, int cueToken)
    {
        for (var k = cueToken - 1; k >= 0 && k >= cueToken - 6; k--)
        {
            if (tokens.In(k, UnnamedArmed)) return true;
        }
        return false;
    }

    private EventActor? StateForceNear(int cueToken, int window, GazetteerEntry place)
    {
        foreach (var m in mentions)
        {
            if (m.Actor.Type == ActorType.StateForces && !m.ByCountry && Math.Abs(m.First - cueToken) <= window) return Of(m.Actor, place);
        }
        return null;
    }

    private static bool ByBefore(SentenceTokens tokens, int first)
    {
        for (var k = first - 1; k >= 0 && k >= first - 4; k--)
        {
            if (tokens.Is(k, "by")) return true;
            // "by Yemen's Houthis", "by the Israeli army": a possessive or an article may stand between.
            if (!(tokens.IsCapitalised(k) || tokens.Is(k, "the") || tokens.Is(k, "s") || tokens.IsSymbol(k, '\'') || tokens.IsSymbol(k, '’'))) return false;
        }
        return false;
    }

    private EventActor? LastBefore(int cueToken, int window, GazetteerEntry? place = null, bool armedOnly = false, bool civiliansOnly = false)
    {
        for (var i = mentions.Count - 1; i >= 0; i--)
        {
            var m = mentions[i];
            if (m.ByCountry && !violent) continue;
            if (armedOnly && m.Actor.Type == ActorType.Civilians || civiliansOnly && m.Actor.Type != ActorType.Civilians) continue;
            // "Israeli missiles slammed into ...": the phrase may hold the cue word itself.
            if (m.First < cueToken && cueToken - m.End <= window) return Of(m.Actor, place);
        }
        return null;
    }

    private EventActor? FirstAfter(int cueToken, int window, GazetteerEntry place, EventActor? other)
    {
        foreach (var m in mentions)
        {
            if (m.ByCountry && !violent) continue;
            if (m.First > cueToken && m.First - cueToken <= window && m.Actor.Name != other?.Name) return Of(m.Actor, place);
        }
        return null;
    }

    /// <summary>The military that holds a place: its country's (Israel's in the Palestinian territories, whose "army"
    /// news means is Israel's).</summary>
    public EventActor? MilitaryAt(GazetteerEntry place) =>
        place.CountryCode.Length == 2 && dictionary.MilitaryOf(place.CountryCode == "PS" ? "IL" : place.CountryCode) is { } military ? Of(military, place) : null;

    // ACLED: state forces acting outside their own country are external forces there.
    private static EventActor Of(KnownActor actor, GazetteerEntry? place) =>
        new(actor.Name, actor.Type == ActorType.StateForces && place is not null && actor.Country.Length == 2
            && place.CountryCode.Length == 2 && place.CountryCode != actor.Country ? ActorType.ExternalOrOtherForces : actor.Type);
}
