using System.Collections.Frozen;
using GeoSituation.Core.Extraction;
using GeoSituation.Core.Gazetteer;

namespace GeoSituation.Core.Events;

/// <summary>An actor of the dictionary: ACLED-style name, home type and home country.</summary>
public sealed record KnownActor(string Name, ActorType Type, string Country);

/// <summary>
/// The armed and political actors news names, with their aliases (geodata/actors.tsv, curated with a source per row;
/// more with GEOSITUATION_ACTORS, a file of the same format that a planner keeps).
/// </summary>
/// <remarks>
/// Aliases are phrases that name the actor without context ("IDF", "Israeli fire", "Rapid Support Forces", "RSF"),
/// never bare common words ("army", "rebels"): a phrase is found by its longest match of up to six words, case-blind.
/// </remarks>
public sealed class ActorDictionary
{
    public const string EnvironmentVariable = "GEOSITUATION_ACTORS";
    public const string FileName = "actors.tsv";
    private const int MaxWords = 6;

    private static readonly Lazy<ActorDictionary> Shared = new(LoadConfigured);

    private readonly FrozenDictionary<string, KnownActor> byAlias;
    private readonly FrozenSet<string> firstWords;
    private readonly FrozenDictionary<string, KnownActor> militaryByCountry;
    private readonly FrozenDictionary<string, KnownActor> policeByCountry;

    private ActorDictionary(Dictionary<string, KnownActor> aliases)
    {
        byAlias = aliases.ToFrozenDictionary(StringComparer.Ordinal);
        firstWords = aliases.Keys.Select(k => k.Split(' ')[0]).ToFrozenSet(StringComparer.Ordinal);
        var actors = aliases.Values.Distinct().Where(a => a.Type == ActorType.StateForces && a.Country.Length == 2).ToList();
        militaryByCountry = ForcesByCountry(actors, "Military Forces of ");
        policeByCountry = ForcesByCountry(actors, "Police Forces of ");
    }

    // ACLED's state forces are "Military Forces of X (period)" and "Police Forces of X (period)"; a unit adds words
    // after the period ("... Special Forces"), so the country's force is the shortest such name.
    private static FrozenDictionary<string, KnownActor> ForcesByCountry(List<KnownActor> actors, string prefix) =>
        actors.Where(a => a.Name.StartsWith(prefix, StringComparison.Ordinal))
            .GroupBy(a => a.Country)
            .ToFrozenDictionary(g => g.Key, g => g.OrderBy(a => a.Name.Length).ThenBy(a => a.Name, StringComparer.Ordinal).First(), StringComparer.Ordinal);

    /// <summary>A country's military ("the army", "government troops" in a country's events), or null.</summary>
    public KnownActor? MilitaryOf(string country) => militaryByCountry.GetValueOrDefault(country);

    /// <summary>A country's police ("police fired tear gas"), or null.</summary>
    public KnownActor? PoliceOf(string country) => policeByCountry.GetValueOrDefault(country);

    /// <summary>geodata/actors.tsv, plus the file GEOSITUATION_ACTORS names.</summary>
    public static ActorDictionary Default => Shared.Value;

    public int Count => byAlias.Values.Distinct().Count();

    public static ActorDictionary LoadConfigured()
    {
        var files = new List<string>();
        // Without the curated file (a trimmed deployment) events simply carry no named actors.
        var curated = Path.Combine(Gazetteer.Gazetteer.LocateGeodata(), FileName);
        if (File.Exists(curated)) files.Add(curated);
        var extra = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(extra)) files.Add(extra);
        return Load(files);
    }

    public static ActorDictionary Load(IEnumerable<string> paths)
    {
        var aliases = new Dictionary<string, KnownActor>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var lineNumber = 0;
            foreach (var line in File.ReadLines(path))
            {
                lineNumber++;
                if (line.Length == 0 || line[0] == '#') continue;
                var columns = line.Split('\t');
                if (columns.Length < 4 || !int.TryParse(columns[2], out var type) || type is < 1 or > 8)
                    throw new InvalidDataException($"{path}, line {lineNumber}: expected name, aliases, type (1-8), country, source, licence");
                var actor = new KnownActor(columns[0].Trim(), (ActorType)type, columns[3].Trim().ToUpperInvariant());
                // A later file (the planner's) may rename or retype an actor: last one wins.
                aliases[Key(actor.Name)] = actor;
                foreach (var alias in columns[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    aliases[Key(alias)] = actor;
                }
            }
        }
        return new ActorDictionary(aliases);
    }

    /// <summary>The dictionary's actor for a name or alias, or null.</summary>
    public KnownActor? Find(string name) => byAlias.GetValueOrDefault(Key(name));

    /// <summary>The longest actor phrase starting at token <paramref name="start"/>; <paramref name="end"/> is the token after it.</summary>
    internal KnownActor? MatchAt(SentenceTokens tokens, int start, out int end)
    {
        end = start;
        if (!tokens.IsWord(start)) return null;
        // "M23", "G9": letters and digits glued into one word are one word of the name.
        var next = start + 1;
        var first = NameNormalizer.Normalize(tokens.Chars(start));
        while (tokens.IsNumber(next) && tokens.IsGlued(next)) first += NameNormalizer.Normalize(tokens.Chars(next++));
        if (!firstWords.Contains(first)) return null;
        KnownActor? best = null;
        var key = first;
        if (byAlias.TryGetValue(key, out var single)) (best, end) = (single, next);
        // "al-Quds Brigades", "M23/AFC": a hyphen joins words of one name and is skipped, as NameNormalizer does.
        for (int k = next, words = 1; k < tokens.Count && words < MaxWords; k++)
        {
            if (tokens.IsDash(k) && tokens.IsGlued(k)) continue;
            if (!tokens.IsWord(k) && !tokens.IsNumber(k)) break;
            key += (tokens.IsNumber(k) && tokens.IsGlued(k) ? "" : " ") + NameNormalizer.Normalize(tokens.Chars(k));
            if (!(tokens.IsNumber(k) && tokens.IsGlued(k))) words++;
            if (byAlias.TryGetValue(key, out var actor)) (best, end) = (actor, k + 1);
        }
        return best;
    }

    // The gazetteer's normalisation: case, diacritics, apostrophes and hyphens do not make another actor.
    private static string Key(string name) => NameNormalizer.Normalize(name);
}
