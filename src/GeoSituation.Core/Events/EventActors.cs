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

    private static readonly EventActor Civilians = new("Civilians", ActorType.Civilians);
    private static readonly EventActor Protesters = new("Protesters", ActorType.Protesters);
    private static readonly EventActor Rioters = new("Rioters", ActorType.Rioters);

    /// <summary>Finds the actor phrases of the sentence loaded in <paramref name="tokens"/>.</summary>
    public void Load(SentenceTokens tokens)
    {
        mentions.Clear();
        for (var k = 0; k < tokens.Count; k++)
        {
            if (dictionary.MatchAt(tokens, k, out var end) is not { } actor) continue;
            mentions.Add((actor, k, end));
            k = end - 1;
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
            actor1 = LastBefore(cueToken, 14, place);
            actor2 = FirstAfter(cueToken, 10, place, actor1);
        }
        if (type == SituationEventType.Protests) actor1 ??= Protesters;
        if (type == SituationEventType.Riots) actor1 ??= Rioters;
        if (actor2 is null && civilianVictims && type is SituationEventType.ViolenceAgainstCivilians or SituationEventType.ExplosionsRemoteViolence) actor2 = Civilians;
        if (actor1 is null && actor2 is not null && actor2 != Civilians) (actor1, actor2) = (actor2, null);
        return (actor1, actor2);
    }

    private EventActor? LastBefore(int cueToken, int window, GazetteerEntry? place = null)
    {
        for (var i = mentions.Count - 1; i >= 0; i--)
        {
            var m = mentions[i];
            if (m.End <= cueToken && cueToken - m.End <= window) return Of(m.Actor, place);
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
