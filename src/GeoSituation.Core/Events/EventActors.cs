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
    private readonly List<(KnownActor Actor, int First, int End)> mentions = [];

    private static readonly WordSet ForceNouns = new(
        "missile", "missiles", "strike", "strikes", "airstrike", "airstrikes", "jets", "warplanes", "planes", "drone", "drones",
        "bombs", "bombing", "bombardment", "shelling", "artillery", "tanks", "troops", "soldiers", "forces", "fire", "gunfire",
        "raid", "raids", "snipers", "navy", "warships", "helicopters", "rockets", "army", "military", "units", "bulldozers");

    private static readonly WordSet AirWords = new("air", "guided", "ballistic", "cruise", "naval", "aerial", "special", "armoured", "armored");

    private static readonly EventActor Civilians = new("Civilians", ActorType.Civilians);
    private static readonly EventActor Protesters = new("Protesters", ActorType.Protesters);
    private static readonly EventActor Rioters = new("Rioters", ActorType.Rioters);

    /// <summary>Finds the actor phrases of the sentence loaded in <paramref name="tokens"/>.</summary>
    public void Load(SentenceTokens tokens)
    {
        mentions.Clear();
        for (var k = 0; k < tokens.Count; k++)
        {
            if (dictionary.MatchAt(tokens, k, out var end) is { } actor)
            {
                mentions.Add((actor, k, end));
                k = end - 1;
                continue;
            }
            // "Israeli missiles", "Russian drones", "US air strikes": a nationality before a weapon or a unit is that
            // state's forces, as the dictionary names them ("Israeli forces", "Russian forces").
            if (tokens.IsCapitalised(k) && (tokens.In(k + 1, ForceNouns) || (tokens.In(k + 1, AirWords) && tokens.In(k + 2, ForceNouns)))
                && dictionary.Find(tokens.Chars(k).ToString() + " forces") is { } forces)
            {
                mentions.Add((forces, k, k + 2));
                k++;
            }
        }
    }

    public (EventActor? Actor1, EventActor? Actor2) For(SentenceTokens tokens, int cueToken, SituationEventType type, bool civilianVictims, GazetteerEntry place)
    {
        EventActor? actor1 = null, actor2 = null;
        var agentAfterBy = -1;
        for (var i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            // "were killed by Israeli fire", "hit by Russian drones": the agent follows "by" after the cue.
            if (m.First > cueToken && m.First - cueToken <= 8 && (tokens.Is(m.First - 1, "by") || tokens.Is(m.First - 2, "by")))
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
            actor1 = LastBefore(cueToken, 20, place);
            actor2 = FirstAfter(cueToken, 10, place, actor1);
        }
        // Only an armed or political side acts: a civilian named after the cue is acted upon.
        if (actor1 is null && actor2 is { Type: not (ActorType.Civilians or ActorType.Protesters or ActorType.Rioters) }) (actor1, actor2) = (actor2, null);
        if (type == SituationEventType.Protests) actor1 ??= Protesters;
        if (type == SituationEventType.Riots) actor1 ??= Rioters;
        // ACLED: violence against civilians always has civilians as actor 2; remote violence when civilians died.
        if (actor2 is null && (type == SituationEventType.ViolenceAgainstCivilians || (civilianVictims && type == SituationEventType.ExplosionsRemoteViolence))) actor2 = Civilians;
        return (actor1, actor2);
    }

    private EventActor? LastBefore(int cueToken, int window, GazetteerEntry? place = null)
    {
        for (var i = mentions.Count - 1; i >= 0; i--)
        {
            var m = mentions[i];
            // "Israeli missiles slammed into ...": the phrase may hold the cue word itself.
            if (m.First < cueToken && cueToken - m.End <= window) return Of(m.Actor, place);
        }
        return null;
    }

    private EventActor? FirstAfter(int cueToken, int window, GazetteerEntry place, EventActor? other)
    {
        foreach (var m in mentions)
        {
            if (m.First > cueToken && m.First - cueToken <= window && m.Actor.Name != other?.Name) return Of(m.Actor, place);
        }
        return null;
    }

    // ACLED: state forces acting outside their own country are external forces there.
    private static EventActor Of(KnownActor actor, GazetteerEntry? place) =>
        new(actor.Name, actor.Type == ActorType.StateForces && place is not null && actor.Country.Length == 2
            && place.CountryCode.Length == 2 && place.CountryCode != actor.Country ? ActorType.ExternalOrOtherForces : actor.Type);
}
