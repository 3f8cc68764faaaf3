using GeoSituation.Core.Gazetteer;
using GeoSituation.Core.Text;

namespace GeoSituation.Core.Events;

/// <summary>ACLED's event types, as used in its codebook.</summary>
public enum SituationEventType
{
    Battles,
    ExplosionsRemoteViolence,
    ViolenceAgainstCivilians,
    Protests,
    StrategicDevelopments,
    HumanitarianAccess,
    /// <summary>Violent demonstrations and mob violence.</summary>
    Riots,
}

/// <summary>ACLED's actor types, by their inter code (ACLED Codebook 2023).</summary>
public enum ActorType
{
    StateForces = 1,
    RebelGroup = 2,
    PoliticalMilitia = 3,
    IdentityMilitia = 4,
    Rioters = 5,
    Protesters = 6,
    Civilians = 7,
    ExternalOrOtherForces = 8,
}

/// <summary>A side of an event: its name as ACLED would write it and its type (inter code).</summary>
public sealed record EventActor(string Name, ActorType Type);

/// <summary>Something reported to happen at a place, one per sentence and place.</summary>
/// <remarks>
/// <see cref="GeoPrecision"/> and <see cref="TimePrecision"/> follow ACLED: 1 = exact town / day,
/// 2 = near the town or part of a region / week, 3 = only a larger region / month or vaguer.
/// </remarks>
public sealed record SituationEvent
{
    public required SituationEventType Type { get; init; }
    /// <summary>A short label for the sub-type ("armed clash", "talks", "troop order").</summary>
    public string? SubType { get; init; }
    public required GazetteerEntry Place { get; init; }
    public DateOnly? Date { get; init; }
    public required int GeoPrecision { get; init; }
    public required int TimePrecision { get; init; }
    /// <summary>Fatalities when the text states them; a lower bound for "more than 30".</summary>
    public int? Fatalities { get; init; }
    public required TextSpan Sentence { get; init; }
    public required double Confidence { get; init; }
    /// <summary>The side that acts (attacks, fires, protests, seizes); null when the text names none.</summary>
    public EventActor? Actor1 { get; init; }
    /// <summary>The side acted upon (the victims, the other army); null when there is none.</summary>
    public EventActor? Actor2 { get; init; }
}
