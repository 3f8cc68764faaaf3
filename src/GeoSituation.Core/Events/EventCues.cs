using GeoSituation.Core.Extraction;

namespace GeoSituation.Core.Events;

/// <summary>How a cue behaves in context.</summary>
internal enum CueFlavor
{
    /// <summary>Talks, protests, aid: taken as said.</summary>
    Plain,
    /// <summary>Fighting and strikes: ended ("end fighting") or merely planned ("prepares its offensive") in context.</summary>
    Violence,
    /// <summary>Troops entering or advancing: planned in context ("should we enter Rafah") is a planned offensive.</summary>
    Movement,
    /// <summary>Killed, dead, wounded: the type follows the victims (militants: battle; civilians: violence against civilians).</summary>
    Lethal,
}

/// <summary>A word of a sentence that says what kind of event it reports.</summary>
internal readonly record struct EventCue(int Token, SituationEventType Type, string SubType, double Strength, CueFlavor Flavor)
{
    public bool Suppressed { get; init; }
}

/// <summary>The event vocabulary, after ACLED's event types and sub-event types.</summary>
/// <remarks>
/// ACLED's rules that matter here: an air or drone strike or shelling is remote violence whoever it kills;
/// killing armed men in fighting is a battle, killing civilians otherwise is violence against civilians;
/// talks, agreements, troop orders, deployments, arrests and planned offensives are strategic developments.
/// </remarks>
internal static class EventCues
{
    private readonly record struct Entry(SituationEventType Type, string SubType, double Strength, CueFlavor Flavor);

    private const string AirStrike = "air/drone strike";
    private const string Shelling = "shelling/artillery/missile attack";
    private const string Talks = "talks";
    /// <summary>A change of territorial control; <see cref="EventScan"/> tells "government regains" from "non-state actor overtakes" by the side.</summary>
    internal const string TerritoryTaken = "territory taken";

    private static readonly WordMap<Entry> Words = new(new Dictionary<string, Entry>
    {
        ["airstrike"] = new(SituationEventType.ExplosionsRemoteViolence, AirStrike, 0.2, CueFlavor.Violence),
        ["airstrikes"] = new(SituationEventType.ExplosionsRemoteViolence, AirStrike, 0.2, CueFlavor.Violence),
        ["strike"] = new(SituationEventType.ExplosionsRemoteViolence, AirStrike, 0.1, CueFlavor.Violence),
        ["strikes"] = new(SituationEventType.ExplosionsRemoteViolence, AirStrike, 0.1, CueFlavor.Violence),
        ["struck"] = new(SituationEventType.ExplosionsRemoteViolence, AirStrike, 0.1, CueFlavor.Violence),
        ["bombing"] = new(SituationEventType.ExplosionsRemoteViolence, AirStrike, 0.15, CueFlavor.Violence),
        ["bombings"] = new(SituationEventType.ExplosionsRemoteViolence, AirStrike, 0.15, CueFlavor.Violence),
        ["bombed"] = new(SituationEventType.ExplosionsRemoteViolence, AirStrike, 0.15, CueFlavor.Violence),
        ["bombardment"] = new(SituationEventType.ExplosionsRemoteViolence, AirStrike, 0.15, CueFlavor.Violence),
        ["bombarded"] = new(SituationEventType.ExplosionsRemoteViolence, AirStrike, 0.15, CueFlavor.Violence),
        ["drone"] = new(SituationEventType.ExplosionsRemoteViolence, AirStrike, 0.1, CueFlavor.Violence),
        ["drones"] = new(SituationEventType.ExplosionsRemoteViolence, AirStrike, 0.1, CueFlavor.Violence),
        ["warplanes"] = new(SituationEventType.ExplosionsRemoteViolence, AirStrike, 0.15, CueFlavor.Violence),
        ["warplane"] = new(SituationEventType.ExplosionsRemoteViolence, AirStrike, 0.15, CueFlavor.Violence),
        ["jets"] = new(SituationEventType.ExplosionsRemoteViolence, AirStrike, 0.1, CueFlavor.Violence),
        ["bombs"] = new(SituationEventType.ExplosionsRemoteViolence, AirStrike, 0.1, CueFlavor.Violence),
        ["shells"] = new(SituationEventType.ExplosionsRemoteViolence, Shelling, 0.1, CueFlavor.Violence),
        ["shelling"] = new(SituationEventType.ExplosionsRemoteViolence, Shelling, 0.15, CueFlavor.Violence),
        ["shelled"] = new(SituationEventType.ExplosionsRemoteViolence, Shelling, 0.15, CueFlavor.Violence),
        ["artillery"] = new(SituationEventType.ExplosionsRemoteViolence, Shelling, 0.15, CueFlavor.Violence),
        ["mortar"] = new(SituationEventType.ExplosionsRemoteViolence, Shelling, 0.15, CueFlavor.Violence),
        ["mortars"] = new(SituationEventType.ExplosionsRemoteViolence, Shelling, 0.15, CueFlavor.Violence),
        ["rocket"] = new(SituationEventType.ExplosionsRemoteViolence, Shelling, 0.15, CueFlavor.Violence),
        ["rockets"] = new(SituationEventType.ExplosionsRemoteViolence, Shelling, 0.15, CueFlavor.Violence),
        ["missile"] = new(SituationEventType.ExplosionsRemoteViolence, Shelling, 0.15, CueFlavor.Violence),
        ["missiles"] = new(SituationEventType.ExplosionsRemoteViolence, Shelling, 0.15, CueFlavor.Violence),
        ["explosion"] = new(SituationEventType.ExplosionsRemoteViolence, "remote explosive", 0.15, CueFlavor.Violence),
        ["explosions"] = new(SituationEventType.ExplosionsRemoteViolence, "remote explosive", 0.15, CueFlavor.Violence),
        ["blast"] = new(SituationEventType.ExplosionsRemoteViolence, "remote explosive", 0.15, CueFlavor.Violence),
        ["bomber"] = new(SituationEventType.ExplosionsRemoteViolence, "suicide bomb", 0.2, CueFlavor.Violence),
        ["bombers"] = new(SituationEventType.ExplosionsRemoteViolence, "suicide bomb", 0.2, CueFlavor.Violence),
        ["ied"] = new(SituationEventType.ExplosionsRemoteViolence, "remote explosive", 0.2, CueFlavor.Violence),
        ["ieds"] = new(SituationEventType.ExplosionsRemoteViolence, "remote explosive", 0.2, CueFlavor.Violence),
        ["landmine"] = new(SituationEventType.ExplosionsRemoteViolence, "remote explosive", 0.2, CueFlavor.Violence),
        ["landmines"] = new(SituationEventType.ExplosionsRemoteViolence, "remote explosive", 0.2, CueFlavor.Violence),
        ["roadside"] = new(SituationEventType.ExplosionsRemoteViolence, "remote explosive", 0.15, CueFlavor.Violence),
        ["exploded"] = new(SituationEventType.ExplosionsRemoteViolence, "remote explosive", 0.15, CueFlavor.Violence),
        ["bomb"] = new(SituationEventType.ExplosionsRemoteViolence, "remote explosive", 0.1, CueFlavor.Violence),
        ["detonated"] = new(SituationEventType.ExplosionsRemoteViolence, "remote explosive", 0.15, CueFlavor.Violence),
        ["grenade"] = new(SituationEventType.ExplosionsRemoteViolence, "grenade", 0.15, CueFlavor.Violence),
        ["grenades"] = new(SituationEventType.ExplosionsRemoteViolence, "grenade", 0.15, CueFlavor.Violence),
        ["beheaded"] = new(SituationEventType.ViolenceAgainstCivilians, "attack", 0.2, CueFlavor.Plain),
        ["siege"] = new(SituationEventType.Battles, "armed clash", 0.1, CueFlavor.Violence),
        ["clashes"] = new(SituationEventType.Battles, "armed clash", 0.2, CueFlavor.Violence),
        ["clash"] = new(SituationEventType.Battles, "armed clash", 0.2, CueFlavor.Violence),
        ["clashed"] = new(SituationEventType.Battles, "armed clash", 0.2, CueFlavor.Violence),
        ["fighting"] = new(SituationEventType.Battles, "armed clash", 0.1, CueFlavor.Violence),
        ["fought"] = new(SituationEventType.Battles, "armed clash", 0.1, CueFlavor.Violence),
        ["battle"] = new(SituationEventType.Battles, "armed clash", 0.1, CueFlavor.Violence),
        ["battles"] = new(SituationEventType.Battles, "armed clash", 0.1, CueFlavor.Violence),
        ["firefight"] = new(SituationEventType.Battles, "armed clash", 0.2, CueFlavor.Violence),
        ["gunfight"] = new(SituationEventType.Battles, "armed clash", 0.2, CueFlavor.Violence),
        ["ambush"] = new(SituationEventType.Battles, "armed clash", 0.15, CueFlavor.Violence),
        ["assault"] = new(SituationEventType.Battles, "armed clash", 0.1, CueFlavor.Violence),
        ["repelled"] = new(SituationEventType.Battles, "armed clash", 0.1, CueFlavor.Violence),
        ["skirmishes"] = new(SituationEventType.Battles, "armed clash", 0.15, CueFlavor.Violence),
        ["shootout"] = new(SituationEventType.Battles, "armed clash", 0.15, CueFlavor.Violence),
        ["ambushed"] = new(SituationEventType.Battles, "armed clash", 0.15, CueFlavor.Violence),
        ["offensive"] = new(SituationEventType.Battles, "offensive", 0.05, CueFlavor.Violence),
        ["incursion"] = new(SituationEventType.Battles, "offensive", 0.1, CueFlavor.Violence),
        ["raid"] = new(SituationEventType.Battles, "armed clash", 0.1, CueFlavor.Violence),
        ["raids"] = new(SituationEventType.Battles, "armed clash", 0.1, CueFlavor.Violence),
        ["raided"] = new(SituationEventType.Battles, "armed clash", 0.1, CueFlavor.Violence),
        ["stormed"] = new(SituationEventType.Battles, "armed clash", 0.1, CueFlavor.Violence),
        ["attack"] = new(SituationEventType.Battles, "armed clash", 0.05, CueFlavor.Violence),
        ["attacks"] = new(SituationEventType.Battles, "armed clash", 0.05, CueFlavor.Violence),
        ["attacked"] = new(SituationEventType.Battles, "armed clash", 0.05, CueFlavor.Violence),
        ["killed"] = new(SituationEventType.ViolenceAgainstCivilians, "attack", 0.15, CueFlavor.Lethal),
        ["killing"] = new(SituationEventType.ViolenceAgainstCivilians, "attack", 0.15, CueFlavor.Lethal),
        ["kill"] = new(SituationEventType.ViolenceAgainstCivilians, "attack", 0.15, CueFlavor.Lethal),
        ["kills"] = new(SituationEventType.ViolenceAgainstCivilians, "attack", 0.15, CueFlavor.Lethal),
        ["dead"] = new(SituationEventType.ViolenceAgainstCivilians, "attack", 0.1, CueFlavor.Lethal),
        ["died"] = new(SituationEventType.ViolenceAgainstCivilians, "attack", 0.1, CueFlavor.Lethal),
        ["wounded"] = new(SituationEventType.ViolenceAgainstCivilians, "attack", 0.1, CueFlavor.Lethal),
        ["injured"] = new(SituationEventType.ViolenceAgainstCivilians, "attack", 0.1, CueFlavor.Lethal),
        ["massacre"] = new(SituationEventType.ViolenceAgainstCivilians, "attack", 0.2, CueFlavor.Plain),
        ["massacred"] = new(SituationEventType.ViolenceAgainstCivilians, "attack", 0.2, CueFlavor.Plain),
        ["executed"] = new(SituationEventType.ViolenceAgainstCivilians, "attack", 0.15, CueFlavor.Plain),
        ["murder"] = new(SituationEventType.ViolenceAgainstCivilians, "attack", 0.15, CueFlavor.Plain),
        ["murdered"] = new(SituationEventType.ViolenceAgainstCivilians, "attack", 0.15, CueFlavor.Plain),
        ["abducted"] = new(SituationEventType.ViolenceAgainstCivilians, "abduction", 0.15, CueFlavor.Plain),
        ["kidnapped"] = new(SituationEventType.ViolenceAgainstCivilians, "abduction", 0.15, CueFlavor.Plain),
        ["protest"] = new(SituationEventType.Protests, "protest", 0.2, CueFlavor.Plain),
        ["protests"] = new(SituationEventType.Protests, "protest", 0.2, CueFlavor.Plain),
        ["protested"] = new(SituationEventType.Protests, "protest", 0.2, CueFlavor.Plain),
        ["protesters"] = new(SituationEventType.Protests, "protest", 0.2, CueFlavor.Plain),
        ["protestors"] = new(SituationEventType.Protests, "protest", 0.2, CueFlavor.Plain),
        ["demonstration"] = new(SituationEventType.Protests, "protest", 0.2, CueFlavor.Plain),
        ["demonstrations"] = new(SituationEventType.Protests, "protest", 0.2, CueFlavor.Plain),
        ["demonstrators"] = new(SituationEventType.Protests, "protest", 0.2, CueFlavor.Plain),
        ["demonstrated"] = new(SituationEventType.Protests, "protest", 0.2, CueFlavor.Plain),
        ["rally"] = new(SituationEventType.Protests, "protest", 0.15, CueFlavor.Plain),
        ["rallies"] = new(SituationEventType.Protests, "protest", 0.15, CueFlavor.Plain),
        ["rallied"] = new(SituationEventType.Protests, "protest", 0.15, CueFlavor.Plain),
        ["marched"] = new(SituationEventType.Protests, "protest", 0.1, CueFlavor.Plain),
        ["riot"] = new(SituationEventType.Riots, "violent demonstration", 0.2, CueFlavor.Plain),
        ["riots"] = new(SituationEventType.Riots, "violent demonstration", 0.2, CueFlavor.Plain),
        ["rioters"] = new(SituationEventType.Riots, "violent demonstration", 0.2, CueFlavor.Plain),
        ["lynched"] = new(SituationEventType.Riots, "mob violence", 0.2, CueFlavor.Plain),
        ["mob"] = new(SituationEventType.Riots, "mob violence", 0.15, CueFlavor.Plain),
        ["talks"] = new(SituationEventType.StrategicDevelopments, Talks, 0.15, CueFlavor.Plain),
        ["negotiations"] = new(SituationEventType.StrategicDevelopments, Talks, 0.15, CueFlavor.Plain),
        ["negotiating"] = new(SituationEventType.StrategicDevelopments, Talks, 0.1, CueFlavor.Plain),
        ["ceasefire"] = new(SituationEventType.StrategicDevelopments, Talks, 0.1, CueFlavor.Plain),
        ["truce"] = new(SituationEventType.StrategicDevelopments, Talks, 0.1, CueFlavor.Plain),
        ["met"] = new(SituationEventType.StrategicDevelopments, Talks, 0.05, CueFlavor.Plain),
        ["summit"] = new(SituationEventType.StrategicDevelopments, Talks, 0.1, CueFlavor.Plain),
        ["agreement"] = new(SituationEventType.StrategicDevelopments, "agreement", 0.1, CueFlavor.Plain),
        ["deployed"] = new(SituationEventType.StrategicDevelopments, "troop movement", 0.1, CueFlavor.Movement),
        ["deployment"] = new(SituationEventType.StrategicDevelopments, "troop movement", 0.1, CueFlavor.Movement),
        ["mobilised"] = new(SituationEventType.StrategicDevelopments, "troop movement", 0.1, CueFlavor.Movement),
        ["mobilized"] = new(SituationEventType.StrategicDevelopments, "troop movement", 0.1, CueFlavor.Movement),
        ["reinforcements"] = new(SituationEventType.StrategicDevelopments, "troop movement", 0.1, CueFlavor.Movement),
        ["enter"] = new(SituationEventType.StrategicDevelopments, "troop movement", 0.05, CueFlavor.Movement),
        ["entered"] = new(SituationEventType.StrategicDevelopments, "troop movement", 0.05, CueFlavor.Movement),
        ["entering"] = new(SituationEventType.StrategicDevelopments, "troop movement", 0.05, CueFlavor.Movement),
        ["advance"] = new(SituationEventType.StrategicDevelopments, "troop movement", 0.05, CueFlavor.Movement),
        ["advanced"] = new(SituationEventType.StrategicDevelopments, "troop movement", 0.05, CueFlavor.Movement),
        ["invade"] = new(SituationEventType.StrategicDevelopments, "troop movement", 0.1, CueFlavor.Movement),
        ["invasion"] = new(SituationEventType.StrategicDevelopments, "troop movement", 0.1, CueFlavor.Movement),
        // Changes of territorial control: a battle won (ACLED: non-state actor overtakes / government regains territory,
        // decided by the acting side's type when the event is built).
        ["seized"] = new(SituationEventType.Battles, TerritoryTaken, 0.2, CueFlavor.Plain),
        ["seize"] = new(SituationEventType.Battles, TerritoryTaken, 0.15, CueFlavor.Plain),
        ["seizing"] = new(SituationEventType.Battles, TerritoryTaken, 0.15, CueFlavor.Plain),
        ["captured"] = new(SituationEventType.Battles, TerritoryTaken, 0.2, CueFlavor.Plain),
        ["capture"] = new(SituationEventType.Battles, TerritoryTaken, 0.15, CueFlavor.Plain),
        ["recaptured"] = new(SituationEventType.Battles, TerritoryTaken, 0.2, CueFlavor.Plain),
        ["retook"] = new(SituationEventType.Battles, TerritoryTaken, 0.2, CueFlavor.Plain),
        ["retaken"] = new(SituationEventType.Battles, TerritoryTaken, 0.2, CueFlavor.Plain),
        ["overran"] = new(SituationEventType.Battles, TerritoryTaken, 0.2, CueFlavor.Plain),
        ["overrun"] = new(SituationEventType.Battles, TerritoryTaken, 0.2, CueFlavor.Plain),
        ["withdrew"] = new(SituationEventType.StrategicDevelopments, "withdrawal", 0.1, CueFlavor.Plain),
        ["withdrawal"] = new(SituationEventType.StrategicDevelopments, "withdrawal", 0.1, CueFlavor.Plain),
        ["curfew"] = new(SituationEventType.StrategicDevelopments, "curfew", 0.15, CueFlavor.Plain),
        ["convoy"] = new(SituationEventType.HumanitarianAccess, "aid delivery", 0.15, CueFlavor.Plain),
        ["convoys"] = new(SituationEventType.HumanitarianAccess, "aid delivery", 0.15, CueFlavor.Plain),
        ["airdrop"] = new(SituationEventType.HumanitarianAccess, "airdrop", 0.2, CueFlavor.Plain),
        ["airdrops"] = new(SituationEventType.HumanitarianAccess, "airdrop", 0.2, CueFlavor.Plain),
        ["airdropped"] = new(SituationEventType.HumanitarianAccess, "airdrop", 0.2, CueFlavor.Plain),
    });

    // The words that can end or head a two-word cue: only these pay for the neighbour checks of TryCompound.
    private static readonly WordSet CompoundHeads = new(
        "took", "taken", "take", "gained", "opened", "broke", "broken", "marched", "walked", "rolled", "swept", "fell", "ordered", "orders", "order", "trucks", "lorries", "deliveries", "shipments", "supplies", "access", "corridor", "pause",
        "crossing", "crossings");

    private static readonly WordSet Troops = new("troops", "forces", "army", "soldiers", "military", "units", "brigades", "tanks");
    private static readonly WordSet EvacuationWords = new("evacuate", "evacuation", "leave", "relocate");
    private static readonly WordSet AidWords = new("aid", "humanitarian", "relief", "food", "medical", "fuel");
    private static readonly WordSet AidThings = new("trucks", "lorries", "deliveries", "shipments", "supplies", "access", "corridor", "pause");
    private static readonly WordSet CrossingStates = new("opened", "reopened", "closed", "shut", "blocked", "open", "close", "reopen");
    private static readonly WordSet LabourStrike = new("general", "hunger", "labour", "labor", "workers", "teachers", "doctors");

    private static readonly WordSet PlannedMarkers = new(
        "prepares", "preparing", "prepared", "prepare", "plans", "planned", "planning", "plan", "will", "would", "threatens",
        "threatened", "threat", "ready", "warned", "warning", "warnings", "should", "could", "may", "might", "intends",
        "intend", "intended", "vowed", "vows", "expected", "imminent", "looming", "upcoming", "possible", "potential",
        "ordered", "prospect");

    private static readonly WordSet EndingMarkers = new(
        "end", "ending", "ended", "halt", "halting", "stop", "stopping", "cessation", "ceasefire", "truce", "prevent", "avoid",
        "without", "no", "not", "never", "pause", "suspend", "suspension", "lull");

    // Who can commit political violence: a killing or a bare "attack" with none of them in the sentence is an
    // accident, a crime or a disease ("a fire that killed four children", "died of bird flu"), not an ACLED event.
    private static readonly WordSet ArmedActors = new(
        "forces", "troops", "army", "soldiers", "military", "militants", "fighters", "gunmen", "militia", "militias",
        "police", "policemen", "rebels", "insurgents", "attackers", "settlers", "jihadists", "terrorists", "paramilitaries",
        "paramilitary", "rsf", "hamas", "hezbollah", "idf", "houthis", "snipers", "sniper", "armed", "gang", "gangs",
        "gangsters", "bandits", "gunman", "assailants", "raiders", "extremists", "combatants", "guerrillas");

    private static readonly WordSet Shootings = new("shot", "gunned", "shooting", "shootings", "gunfire", "sniper", "snipers", "stabbed");

    // Weapon nouns name an attack only when something is fired or hits: "missile defences being built" is none.
    private static readonly WordSet Weapons = new(
        "missile", "missiles", "rocket", "rockets", "drone", "drones", "artillery", "mortar", "mortars", "warplanes", "warplane",
        "jets", "bombs", "shells");

    private static readonly WordSet AttackVerbs = new(
        "fired", "firing", "fire", "launched", "struck", "hit", "hits", "landed", "pounded", "targeted", "intercepted",
        "killed", "killing", "wounded", "attack", "attacks", "strike", "strikes", "shelled", "shelling", "barrage", "slammed",
        "attacked", "bombed", "dropped", "pounded", "exploded", "crashed", "destroyed", "damaged", "injuring", "injured");

    private static readonly WordSet CumulativeMarkers = new("since", "toll", "total", "overall", "cumulative", "tally");

    /// <summary>All cues of the sentence, each already read in its context.</summary>
    public static void FindAll(SentenceTokens tokens, List<EventCue> into)
    {
        // Most sentences hold no cue: the context checks below read the sentence again, so only pay for them when needed.
        if (!HasCueWord(tokens)) return;
        var cumulative = IsCumulative(tokens);
        // "fighting ... has killed nearly 200 people since early March": a running total of the fighting too.
        var runningTotal = cumulative && (Any(tokens, PresentPerfect) || YearStatistic(tokens));
        var background = IsBackground(tokens);
        // "were shot dead", "gunned down": a shooting needs a gunman, named or not.
        var armed = Any(tokens, ArmedActors) || IsRemoteStrike(tokens) || Any(tokens, Shootings);
        var attacking = Any(tokens, AttackVerbs);
        for (var k = 0; k < tokens.Count; k++)
        {
            if (!tokens.IsWord(k)) continue;
            if (tokens.In(k, CompoundHeads) && TryCompound(tokens, k, out var compound))
            {
                // "approved a plan for the military to take control of Gaza City": planned, not done.
                var planned = compound.SubType == TerritoryTaken && PlannedBy(tokens, k) is not null;
                into.Add(planned || IsStatementOrPlan(tokens, k, CueFlavor.Plain) ? compound with { Suppressed = true } : compound);
                continue;
            }
            if (!Words.TryGet(tokens.Chars(k), out var entry)) continue;
            // "general strike" and "hunger strike" are protests, not air strikes.
            if (entry.SubType == AirStrike && tokens.In(k - 1, LabourStrike))
            {
                into.Add(new EventCue(k, SituationEventType.Protests, "strike", 0.15, CueFlavor.Plain));
                continue;
            }
            // "marched" needs a lower-case verb: "March" is a month.
            if (tokens.Is(k, "marched") && tokens.IsCapitalised(k)) continue;
            if (tokens.In(k, Weapons) && !attacking) continue;
            var weak = entry.Flavor == CueFlavor.Lethal || (entry.Flavor == CueFlavor.Violence && entry.Strength <= 0.05);
            if (weak && !armed && PlannedBy(tokens, k) is null) continue;
            // "Aid trucks entered the Gaza Strip" moves no troops: a movement needs troops before it, or an order or plan.
            if (entry.Flavor == CueFlavor.Movement && !PreviousWithin(tokens, k, 5, Troops) && PlannedBy(tokens, k) is null) continue;
            var cue = new EventCue(k, entry.Type, entry.SubType, entry.Strength, entry.Flavor);
            if (entry.Flavor is CueFlavor.Violence or CueFlavor.Movement or CueFlavor.Lethal && PlannedBy(tokens, k) is { } marker)
            {
                // "ordered troops to advance on Rafah" reports the order; "preparing a ground offensive" a plan.
                var subType = tokens.Is(marker, "ordered") ? "troop order" : "planned offensive";
                cue = cue with { Type = SituationEventType.StrategicDevelopments, SubType = subType, Flavor = CueFlavor.Plain };
            }
            else if (entry.Flavor is CueFlavor.Violence or CueFlavor.Lethal && IsEnded(tokens, k))
            {
                cue = cue with { Suppressed = true };
            }
            else if ((entry.Flavor == CueFlavor.Lethal && (cumulative || YearStatistic(tokens))) || (entry.Flavor == CueFlavor.Violence && runningTotal))
            {
                // "the death toll has risen to 28,000 since October": a running total, not an event.
                cue = cue with { Suppressed = true };
            }
            else if ((background || IsBackgroundClause(tokens, k)) && entry.Flavor is CueFlavor.Violence or CueFlavor.Lethal or CueFlavor.Plain)
            {
                // "Since November 2023 the Houthis have attacked more than 100 vessels", "Ten years after Boko Haram
                // seized ...", "went on trial": a summary, an anniversary or a trial, not an event of the day.
                cue = cue with { Suppressed = true };
            }
            else if (entry.Flavor == CueFlavor.Plain && tokens.In(k + 1, ProposalNouns))
            {
                // "the ceasefire proposal", "a truce plan": a proposal, not a ceasefire.
                cue = cue with { Suppressed = true };
            }
            else if (IsStatementOrPlan(tokens, k, entry.Flavor))
            {
                // "Hezbollah denied any role in the rockets fired ...", "Egypt is set to host talks": said or planned, not done.
                cue = cue with { Suppressed = true };
            }
            into.Add(cue);
        }
    }

    private static bool TryCompound(SentenceTokens tokens, int k, out EventCue cue)
    {
        cue = default;
        // "took (full) control of", "marched into", "walked into", "fell to": territory changing hands.
        if ((tokens.Is(k, "took") || tokens.Is(k, "taken") || tokens.Is(k, "take") || tokens.Is(k, "seized") || tokens.Is(k, "gained"))
            && (tokens.Is(k + 1, "control") || (tokens.Is(k + 2, "control") && (tokens.Is(k + 1, "full") || tokens.Is(k + 1, "complete") || tokens.Is(k + 1, "total")))))
        {
            cue = new EventCue(k, SituationEventType.Battles, TerritoryTaken, 0.2, CueFlavor.Plain);
            return true;
        }
        // "had taken Minova", "took Sudzha": a place taken, not a person taken to hospital.
        if ((tokens.Is(k, "took") || tokens.Is(k, "taken")) && tokens.IsCapitalised(k + 1) && !tokens.IsCapitalised(k))
        {
            cue = new EventCue(k, SituationEventType.Battles, TerritoryTaken, 0.15, CueFlavor.Plain);
            return true;
        }
        // "troops opened fire on crowds": a shooting, typed by who was hit (EventScan.Refine).
        if (tokens.Is(k, "opened") && tokens.Is(k + 1, "fire"))
        {
            cue = new EventCue(k, SituationEventType.Battles, "armed clash", 0.05, CueFlavor.Violence);
            return true;
        }
        // "broke through (its) lines": fighting.
        if ((tokens.Is(k, "broke") || tokens.Is(k, "broken")) && tokens.Is(k + 1, "through"))
        {
            cue = new EventCue(k, SituationEventType.Battles, "armed clash", 0.15, CueFlavor.Violence);
            return true;
        }
        if ((tokens.Is(k, "marched") || tokens.Is(k, "walked") || tokens.Is(k, "rolled") || tokens.Is(k, "swept")) && tokens.Is(k + 1, "into") && !tokens.IsCapitalised(k))
        {
            cue = new EventCue(k, SituationEventType.Battles, TerritoryTaken, 0.15, CueFlavor.Plain);
            return true;
        }
        if (tokens.Is(k, "fell") && tokens.Is(k + 1, "to"))
        {
            cue = new EventCue(k, SituationEventType.Battles, TerritoryTaken, 0.15, CueFlavor.Plain);
            return true;
        }
        if ((tokens.Is(k, "ordered") || tokens.Is(k, "orders") || tokens.Is(k, "order")) && NextWithin(tokens, k, 3, Troops))
        {
            cue = new EventCue(k, SituationEventType.StrategicDevelopments, "troop order", 0.2, CueFlavor.Plain);
            return true;
        }
        // "ordered residents of eastern Khan Younis to evacuate", "evacuation orders".
        if ((tokens.Is(k, "ordered") || tokens.Is(k, "orders")) && NextWithin(tokens, k, 8, EvacuationWords))
        {
            cue = new EventCue(k, SituationEventType.StrategicDevelopments, "evacuation order", 0.15, CueFlavor.Plain);
            return true;
        }
        if ((tokens.Is(k, "order") || tokens.Is(k, "orders")) && (tokens.Is(k - 1, "evacuation") || tokens.Is(k - 1, "displacement")))
        {
            cue = new EventCue(k, SituationEventType.StrategicDevelopments, "evacuation order", 0.15, CueFlavor.Plain);
            return true;
        }
        if (tokens.In(k, AidThings) && PreviousWithin(tokens, k, 2, AidWords))
        {
            cue = new EventCue(k, SituationEventType.HumanitarianAccess, "aid delivery", 0.2, CueFlavor.Plain);
            return true;
        }
        if ((tokens.Is(k, "crossing") || tokens.Is(k, "crossings")) && (NextWithin(tokens, k, 4, CrossingStates) || PreviousWithin(tokens, k, 4, CrossingStates)))
        {
            cue = new EventCue(k, SituationEventType.HumanitarianAccess, "crossing", 0.15, CueFlavor.Plain);
            return true;
        }
        return false;
    }

    private static readonly WordSet Retrospective = new("anniversary", "trial", "verdict", "sentenced", "convicted", "commemorate", "commemorated", "mark", "marked");

    private static readonly WordSet PresentPerfect = new("has", "have");
    private static readonly WordSet ProposalNouns = new("proposal", "proposals", "plan", "plans", "offer", "offers", "framework", "draft", "bid");
    private static readonly WordSet Spans = new("day", "days", "hours", "week", "weeks", "month", "months");
    private static readonly WordSet LongSpans = new("year", "years", "decade", "decades");
    private static readonly WordSet Fleeing = new("fleeing", "fled", "flee", "flees", "escaping", "escaped", "escape");
    private static readonly WordSet RelativeWords = new("who", "which");
    private static readonly WordSet Findings = new("found", "finds", "said", "says", "documented", "concluded", "accused");

    // "militants who had fired rockets from there", "after fleeing bombardment further north", "since their incursion
    // last August": the cue tells what came before the news, not the news.
    private static bool IsBackgroundClause(SentenceTokens tokens, int k)
    {
        for (var j = k - 1; j >= 0 && j >= k - 3; j--)
        {
            if (tokens.In(j, Fleeing) || tokens.Is(j, "since")) return true;
            if (tokens.Is(j, "had") && tokens.In(j - 1, RelativeWords)) return true;
        }
        // "a day after a Houthi drone hit Tel Aviv", "ten years after Boko Haram seized ...", "two years into the war":
        // the earlier event the news follows on from, told in the clause the span opens (not the news before it:
        // "soldiers recaptured the town, two years after insurgents seized it").
        for (var j = k - 1; j >= 1 && j >= k - 6; j--)
        {
            if ((tokens.Is(j, "after") || tokens.Is(j, "into") || tokens.Is(j, "since")) && (tokens.In(j - 1, Spans) || tokens.In(j - 1, LongSpans))) return true;
        }
        return false;
    }

    // "At least 5,601 people were killed in gang-related violence across Haiti in 2024": a year's statistic.
    private static bool YearStatistic(SentenceTokens tokens)
    {
        for (var k = 1; k < tokens.Count; k++)
        {
            if (!tokens.IsNumber(k) || tokens.Chars(k).Length != 4 || !int.TryParse(tokens.Chars(k), out var year) || year is < 1900 or > 2100) continue;
            if (tokens.Is(k - 1, "in") || tokens.Is(k - 1, "during") || tokens.Is(k - 1, "throughout")) return true;
        }
        return false;
    }

    private static bool IsBackground(SentenceTokens tokens)
    {
        // "A report by UN experts said ...", "a UN report which found that ...": findings of a report, not the day's news.
        for (var k = 0; k < tokens.Count; k++)
        {
            if ((tokens.Is(k, "report") || tokens.Is(k, "reports")) && !tokens.Is(k - 1, "to") && NextWithin(tokens, k, 6, Findings)) return true;
        }
        var first = 0;
        while (first < tokens.Count && !tokens.IsWord(first)) first++;
        // "Since November 2023 ...", "Since the war began ...": a running summary.
        if (tokens.Is(first, "since") && (tokens.IsNumber(first + 1) || DateExpressionParser.IsMonth(tokens.Chars(first + 1)) || tokens.Is(first + 1, "the"))) return true;
        // "Two years into the war, ...", "Ten years after the massacre ...": a sentence that opens on a span of time
        // sums up; the same span later in a sentence dates only its own clause (IsBackgroundClause).
        for (var k = first; k < tokens.Count && k <= first + 4; k++)
        {
            if ((tokens.In(k, LongSpans) || tokens.In(k, Spans)) && (tokens.Is(k + 1, "after") || tokens.Is(k + 1, "into") || tokens.Is(k + 1, "since"))) return true;
        }
        for (var k = 0; k < tokens.Count; k++)
        {
            if (tokens.In(k, Retrospective)) return true;
        }
        return false;
    }

    private static readonly WordSet Denials = new("denied", "denies", "deny", "denying", "rejected", "dismissed");

    private static readonly WordSet PlainPlans = new(
        "will", "would", "could", "may", "might", "expected", "plans", "planned", "planning", "proposed", "proposal",
        "intends", "possible", "potential", "upcoming", "next", "future", "hopes", "hoped", "seeks", "sought", "approved", "plan");

    // A denial governs every cue after it in its clause; a plan marker governs a plain cue (talks, aid, agreements)
    // within a few words ("is set to host talks", "expected to reach an agreement", "approved a plan to take control").
    private static bool IsStatementOrPlan(SentenceTokens tokens, int k, CueFlavor flavor)
    {
        // A denial reaches to the end of its clause ("The Kremlin denied striking the hospital, saying ... blaming a
        // Ukrainian missile"); a plan marker a few words ("is set to host a new round of ceasefire talks").
        for (var j = k - 1; j >= 0 && !tokens.IsClauseBreak(j); j--)
        {
            if (tokens.In(j, Denials)) return true;
            if (flavor == CueFlavor.Plain && j >= k - 8 && (tokens.In(j, PlainPlans) || (tokens.Is(j, "set") && tokens.Is(j + 1, "to")))) return true;
        }
        return false;
    }

    private static int? PlannedBy(SentenceTokens tokens, int k)
    {
        for (var j = k - 1; j >= 0 && j >= k - 5; j--)
        {
            if (tokens.In(j, PlannedMarkers)) return j;
        }
        return null;
    }

    private static bool IsEnded(SentenceTokens tokens, int k) => PreviousWithin(tokens, k, 3, EndingMarkers);

    private static bool HasCueWord(SentenceTokens tokens)
    {
        for (var k = 0; k < tokens.Count; k++)
        {
            if (tokens.IsWord(k) && (Words.TryGet(tokens.Chars(k), out _) || tokens.In(k, CompoundHeads))) return true;
        }
        return false;
    }

    private static bool Any(SentenceTokens tokens, WordSet words)
    {
        for (var k = 0; k < tokens.Count; k++)
        {
            if (tokens.In(k, words)) return true;
        }
        return false;
    }

    // An air strike or shelling is itself the armed actor of the killing it reports.
    private static bool IsRemoteStrike(SentenceTokens tokens)
    {
        var attacking = Any(tokens, AttackVerbs);
        for (var k = 0; k < tokens.Count; k++)
        {
            if (tokens.IsWord(k) && Words.TryGet(tokens.Chars(k), out var entry) && entry.Type == SituationEventType.ExplosionsRemoteViolence
                && (!tokens.In(k, Weapons) || attacking))
            {
                return true;
            }
        }
        return false;
    }

    private static readonly WordSet Superlatives = new(
        "deadliest", "worst", "biggest", "largest", "heaviest", "first", "fiercest", "bloodiest", "most", "highest");

    private static bool IsCumulative(SentenceTokens tokens)
    {
        for (var k = 0; k < tokens.Count; k++)
        {
            // "the deadliest day since the war began" compares the day's events; it does not total them.
            if (tokens.Is(k, "since") && PreviousWithin(tokens, k, 5, Superlatives)) continue;
            if (tokens.In(k, CumulativeMarkers) || (tokens.Is(k, "so") && tokens.Is(k + 1, "far"))) return true;
        }
        return false;
    }

    private static bool PreviousWithin(SentenceTokens tokens, int k, int window, WordSet words)
    {
        for (var j = k - 1; j >= 0 && j >= k - window; j--)
        {
            if (tokens.In(j, words)) return true;
        }
        return false;
    }

    private static bool NextWithin(SentenceTokens tokens, int k, int window, WordSet words)
    {
        for (var j = k + 1; j < tokens.Count && j <= k + window; j++)
        {
            if (tokens.In(j, words)) return true;
        }
        return false;
    }
}
