using GeoSituation.Core.Gazetteer;
using GeoSituation.Core.Text;

namespace GeoSituation.Core.Geoparsing;

/// <summary>Finds toponyms in text and resolves them against the gazetteer.</summary>
/// <remarks>
/// Pipeline: tokens -> gazetteer matches (longest first) -> recognition (is it a place here?) -> misspellings
/// and lower-case repeats of accepted names -> resolution (which place?) -> calibrated confidence.
/// Stateless after construction: one instance is shared by every thread.
/// </remarks>
public sealed class Geoparser
{
    /// <summary>Recognition log-odds above which a match is reported.</summary>
    private const double AcceptThreshold = 2.0;

    private readonly Gazetteer.Gazetteer gazetteer;
    private readonly CandidateFinder finder;
    private readonly Recognizer recognizer;
    private readonly Resolver resolver;
    private readonly FuzzyMatcher fuzzy;

    public Geoparser(Gazetteer.Gazetteer gazetteer)
    {
        this.gazetteer = gazetteer;
        finder = new CandidateFinder(gazetteer);
        recognizer = new Recognizer(gazetteer);
        resolver = new Resolver(gazetteer);
        fuzzy = new FuzzyMatcher(gazetteer);
    }

    public IReadOnlyList<Toponym> Parse(string text, IReadOnlyList<TextSpan>? sentences = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        sentences ??= SentenceSplitter.Split(text);
        var tokens = Tokenizer.Tokenize(text, sentences, IsOrdinaryWord);
        var lower = new string[tokens.Count];
        for (var i = 0; i < tokens.Count; i++) lower[i] = text.Substring(tokens[i].Start, tokens[i].Length).ToLowerInvariant();
        var candidates = finder.Find(text, tokens, lower);
        var people = recognizer.FindPeople(text, tokens, lower, candidates);
        for (var i = 0; i < candidates.Count; i++)
            recognizer.Score(text, tokens, lower, people, candidates[i], i + 1 < candidates.Count ? candidates[i + 1] : null);
        foreach (var c in candidates) c.Accepted = c.Recognition >= AcceptThreshold;
        AcceptRepeats(text, candidates);
        candidates.AddRange(FindMisspellings(text, tokens, lower, people, candidates));
        candidates.Sort((a, b) => a.Start.CompareTo(b.Start));
        var accepted = candidates.Where(c => c.Accepted).ToList();
        resolver.Resolve(text, tokens, lower, accepted);

        var result = new List<Toponym>(accepted.Count);
        foreach (var c in accepted)
        {
            var recognition = 1 / (1 + Math.Exp(-(c.Recognition - AcceptThreshold + 1.0)));
            var confidence = Math.Round(recognition * c.ResolutionProbability, 3);
            result.Add(new Toponym(new TextSpan(c.Start, c.End), text[c.Start..c.End], gazetteer.Entries[c.Entry], confidence));
        }
        return result;
    }

    private bool IsOrdinaryWord(string lowerWord) =>
        ContextWords.FunctionWords.Contains(lowerWord) || (gazetteer.WordClassOf(lowerWord) & WordClass.Common) != 0;

    // One name, one treatment: "khan younis" in lower case later in an article that wrote "Khan Yunis".
    private static void AcceptRepeats(string text, List<Candidate> candidates)
    {
        var acceptedKeys = candidates.Where(c => c.Accepted).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var c in candidates)
        {
            if (c.Accepted || c.Stop || !acceptedKeys.Contains(c.Key)) continue;
            if (Recognizer.Casing(text.AsSpan(c.Start, c.End - c.Start)) == Recognizer.WordCasing.Lower && c.Key.Length >= 4 && c.Recognition > -8)
            {
                c.Recognition = AcceptThreshold + 0.5;
                c.Accepted = true;
            }
        }
    }

    private List<Candidate> FindMisspellings(string text, List<Token> tokens, string[] lower, bool[] people, List<Candidate> candidates)
    {
        var covered = new bool[tokens.Count];
        foreach (var c in candidates)
        {
            for (var k = c.FirstToken; k <= c.LastToken; k++) covered[k] = true;
        }
        var skeletons = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        foreach (var c in candidates)
        {
            if (c.Accepted && c.Key.Length >= 4) skeletons.TryAdd(FuzzyMatcher.Skeleton(c.Key), c);
        }
        var found = new List<Candidate>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (covered[i] || people[i] || !Recognizer.IsCapitalised(text, tokens[i]) || tokens[i].Length < 4) continue;
            if (gazetteer.WordClassOf(lower[i]) != WordClass.None || ContextWords.Calendar.Contains(lower[i])) continue;
            var key = NameNormalizer.Normalize(lower[i]);
            if (gazetteer.IsStopName(key)) continue;
            // Two-word names first ("Khan Younes"), then the word alone.
            if (i + 1 < tokens.Count && !covered[i + 1] && tokens[i + 1].Before == Separator.Space && Recognizer.IsCapitalised(text, tokens[i + 1]))
            {
                var pair = NameNormalizer.Normalize(text.AsSpan(tokens[i].Start, tokens[i + 1].End - tokens[i].Start));
                var match = Match(pair, skeletons);
                if (match is not null)
                {
                    found.Add(Fuzzy(i, i + 1, tokens, pair, match, text, lower, people));
                    i++;
                    continue;
                }
            }
            var single = Match(key, skeletons);
            if (single is not null) found.Add(Fuzzy(i, i, tokens, key, single, text, lower, people));
        }
        return found;
    }

    private NameHit[]? Match(string key, Dictionary<string, Candidate> skeletons)
    {
        if (skeletons.TryGetValue(FuzzyMatcher.Skeleton(key), out var inArticle)
            && inArticle.Key[0] == key[0] && Levenshtein.Distance(inArticle.Key, key, 2) <= 2)
            return [new NameHit(inArticle.Entry >= 0 ? inArticle.Entry : inArticle.Hits[0].Entry, NameSource.Alias), .. inArticle.Hits];
        var nearest = fuzzy.NearestNotable(key);
        return nearest is null ? null : [.. gazetteer.Index.Lookup(nearest)];
    }

    private Candidate Fuzzy(int first, int last, List<Token> tokens, string key, NameHit[] hits, string text, string[] lower, bool[] people)
    {
        var c = new Candidate(first, last, tokens[first].Start, tokens[last].End, key, [.. hits.DistinctBy(h => h.Entry)], stop: false) { Fuzzy = true };
        recognizer.Score(text, tokens, lower, people, c, null);
        c.Accepted = c.Recognition >= AcceptThreshold;
        return c;
    }
}
