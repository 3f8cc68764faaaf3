using GeoSituation.Core.Extraction;

namespace GeoSituation.Core.Events;

/// <summary>How many died: ACLED's conservative count of the dead a sentence states.</summary>
internal sealed partial class EventScan
{
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
}
