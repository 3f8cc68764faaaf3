namespace GeoSituation.Core.Events;

/// <summary>Our events in ACLED's vocabulary (ACLED Codebook 2023): inter and interaction codes, event and sub-event type names.</summary>
/// <remarks>
/// Our sub-types are short labels (<see cref="SituationEvent.SubType"/>); ACLED's are fixed names nested in its event
/// types. A label ACLED has no name for becomes "Other", which ACLED itself uses only under Strategic developments.
/// </remarks>
public static class AcledCodes
{
    // ACLED's event types.
    public const string Battles = "Battles";
    public const string ExplosionsRemoteViolence = "Explosions/Remote violence";
    public const string ViolenceAgainstCivilians = "Violence against civilians";
    public const string Protests = "Protests";
    public const string Riots = "Riots";
    public const string StrategicDevelopments = "Strategic developments";

    /// <summary>Our sub-type labels and the ACLED sub-event type each one is.</summary>
    private static readonly Dictionary<string, string> SubEventTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["armed clash"] = "Armed clash",
        ["government regains territory"] = "Government regains territory",
        ["non-state actor overtakes territory"] = "Non-state actor overtakes territory",
        // An offensive reported as under way is fighting between two armed sides.
        ["offensive"] = "Armed clash",
        ["air/drone strike"] = "Air/drone strike",
        ["shelling/artillery/missile attack"] = "Shelling/artillery/missile attack",
        ["remote explosive"] = "Remote explosive/landmine/IED",
        ["suicide bomb"] = "Suicide bomb",
        ["attack"] = "Attack",
        ["abduction"] = "Abduction/forced disappearance",
        ["protest"] = "Peaceful protest",
        // A labour or hunger strike is a protest, not a remote attack.
        ["strike"] = "Peaceful protest",
        ["violent demonstration"] = "Violent demonstration",
        ["mob violence"] = "Mob violence",
        // Protests stored before riots were a type of their own.
        ["riot"] = "Violent demonstration",
        // ACLED records peace talks and ceasefires under Agreement.
        ["agreement"] = "Agreement",
        ["talks"] = "Agreement",
        // Deployments, troop orders, withdrawals and announced offensives change what an armed group does.
        ["troop movement"] = "Change to group/activity",
        ["troop order"] = "Change to group/activity",
        ["withdrawal"] = "Change to group/activity",
        ["planned offensive"] = "Change to group/activity",
        ["non-violent transfer of territory"] = "Non-violent transfer of territory",
    };

    /// <summary>ACLED's inter code of an actor (1-8), or null when there is no actor.</summary>
    public static short? Inter(EventActor? actor) => actor is null ? null : (short)actor.Type;

    /// <summary>ACLED's interaction code: both inter codes, lower first (17, 12, 88); one actor alone is its code times 10 (10, 60).</summary>
    public static int? Interaction(int? inter1, int? inter2) => (inter1, inter2) switch
    {
        ({ } a, { } b) => Math.Min(a, b) * 10 + Math.Max(a, b),
        ({ } a, null) => a * 10,
        (null, { } b) => b * 10,
        _ => null,
    };

    /// <summary>The interaction code of an event's two sides.</summary>
    public static int? Interaction(EventActor? actor1, EventActor? actor2) => Interaction(Inter(actor1), Inter(actor2));

    /// <summary>ACLED's event type: ours by name; humanitarian access is a strategic development.</summary>
    public static string EventType(SituationEventType type, string? subType) => type switch
    {
        SituationEventType.Battles => Battles,
        SituationEventType.ExplosionsRemoteViolence => ExplosionsRemoteViolence,
        SituationEventType.ViolenceAgainstCivilians => ViolenceAgainstCivilians,
        // Protests stored before riots were a type of their own carry the label "riot".
        SituationEventType.Riots => Riots,
        SituationEventType.Protests when string.Equals(subType, "riot", StringComparison.OrdinalIgnoreCase) => Riots,
        SituationEventType.Protests => Protests,
        SituationEventType.StrategicDevelopments or SituationEventType.HumanitarianAccess => StrategicDevelopments,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "An event type ACLED's layout does not name yet."),
    };

    /// <summary>ACLED's sub-event type for one of our labels; "Other" for a label it has no name for (or none).</summary>
    public static string SubEventType(string? subType) =>
        subType is not null && SubEventTypes.TryGetValue(subType, out var name) ? name : "Other";

    /// <summary>ACLED's disorder type: political violence, demonstrations or strategic developments.</summary>
    /// <remarks>Mob violence is a riot but political violence (ACLED Codebook 2023); violent demonstrations are demonstrations.</remarks>
    public static string DisorderType(string acledEventType, string acledSubEventType) => acledEventType switch
    {
        Riots when acledSubEventType == "Mob violence" => "Political violence",
        Protests or Riots => "Demonstrations",
        StrategicDevelopments => "Strategic developments",
        _ => "Political violence",
    };

    /// <summary>ACLED's region of a country (ISO 3166-1 alpha-2), for the countries our crises are in; empty for the others.</summary>
    public static string Region(string? iso2) => iso2 is not null && Regions.TryGetValue(iso2, out var region) ? region : "";

    private static readonly Dictionary<string, string> Regions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["PS"] = "Middle East", ["IL"] = "Middle East", ["LB"] = "Middle East", ["SY"] = "Middle East", ["YE"] = "Middle East",
        ["IQ"] = "Middle East", ["IR"] = "Middle East", ["JO"] = "Middle East", ["SA"] = "Middle East", ["TR"] = "Middle East",
        ["EG"] = "Northern Africa", ["LY"] = "Northern Africa", ["SD"] = "Northern Africa", ["TN"] = "Northern Africa",
        ["DZ"] = "Northern Africa", ["MA"] = "Northern Africa",
        ["SS"] = "Eastern Africa", ["ET"] = "Eastern Africa", ["SO"] = "Eastern Africa", ["KE"] = "Eastern Africa",
        ["UG"] = "Eastern Africa", ["ER"] = "Eastern Africa", ["DJ"] = "Eastern Africa", ["RW"] = "Eastern Africa",
        ["BI"] = "Eastern Africa", ["MZ"] = "Southern Africa",
        ["TD"] = "Middle Africa", ["CF"] = "Middle Africa", ["CD"] = "Middle Africa", ["CM"] = "Middle Africa",
        ["ML"] = "Western Africa", ["BF"] = "Western Africa", ["NE"] = "Western Africa", ["NG"] = "Western Africa",
        ["UA"] = "Europe", ["RU"] = "Europe",
        ["AM"] = "Caucasus and Central Asia", ["AZ"] = "Caucasus and Central Asia",
        ["AF"] = "South Asia", ["PK"] = "South Asia", ["BD"] = "South Asia",
        ["MM"] = "Southeast Asia", ["HT"] = "Caribbean", ["CO"] = "South America", ["VE"] = "South America",
    };
}
