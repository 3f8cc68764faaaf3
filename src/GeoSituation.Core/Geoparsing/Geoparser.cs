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
    private readonly Gazetteer.Gazetteer gazetteer;
    private readonly CandidateFinder finder;
    private readonly Recognizer recognizer;
    private readonly Resolver resolver;
    private readonly FuzzyMatcher fuzzy;
    private readonly RecognizerModel model;
    private readonly ConfidenceModel confidenceModel;

    public Geoparser(Gazetteer.Gazetteer gazetteer)
        : this(gazetteer, RecognizerModel.Default, ResolverModel.Default)
    {
    }

    /// <summary>A geoparser with other models (cross-validation, experiments).</summary>
    public Geoparser(Gazetteer.Gazetteer gazetteer, RecognizerModel model, ResolverModel resolverModel, ConfidenceModel? confidenceModel = null)
    {
        this.gazetteer = gazetteer;
        this.model = model;
        this.confidenceModel = confidenceModel ?? ConfidenceModel.Default;
        finder = new CandidateFinder(gazetteer);
        recognizer = new Recognizer(gazetteer, model);
        resolver = new Resolver(gazetteer, resolverModel);
        fuzzy = new FuzzyMatcher(gazetteer);
    }

    public IReadOnlyList<Toponym> Parse(string text, IReadOnlyList<TextSpan>? sentences = null)
    {
        var (_, candidates) = Analyse(text, sentences, null);
        var result = new List<Toponym>(candidates.Count);
        foreach (var c in candidates)
        {
            if (!c.Accepted) continue;
            var place = gazetteer.Entries[c.Entry];
            var confidence = Math.Round(confidenceModel.Confidence(c.Recognition, c.ResolutionProbability, place, c.Hits.Length), 3);
            result.Add(new Toponym(new TextSpan(c.Start, c.End), text[c.Start..c.End], place, confidence)
            {
                Recognition = c.Recognition, ResolutionProbability = c.ResolutionProbability, Readings = c.Hits.Length,
            });
        }
        return result;
    }

    /// <summary>Every gazetteer match with its recognition features, for training and explaining the model.</summary>
    public IReadOnlyList<RecognitionExample> RecognitionExamples(string text)
    {
        var (context, candidates) = Analyse(text, null, null);
        var examples = new List<RecognitionExample>(candidates.Count);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates[i].Stop) continue;
            var features = new double[RecognitionFeatures.Count];
            RecognitionFeatures.Compute(gazetteer, text, context.Tokens, context.Lower, context.People, candidates, i, context.CapitalisedKeys, features);
            examples.Add(new RecognitionExample(new TextSpan(candidates[i].Start, candidates[i].End), text[candidates[i].Start..candidates[i].End], features, candidates[i].Recognition));
        }
        return examples;
    }

    /// <summary>Every reading of every accepted toponym with its resolution features, for training the resolver.</summary>
    public IReadOnlyList<ResolutionExample> ResolutionExamples(string text)
    {
        var readings = new Dictionary<Candidate, List<(GazetteerEntry, double[])>>();
        var (_, candidates) = Analyse(text, null, (c, e, f) =>
        {
            if (!readings.TryGetValue(c, out var list)) readings[c] = list = [];
            list.Add((e, f));
        });
        return [.. candidates.Where(readings.ContainsKey).Select(c => new ResolutionExample(
            new TextSpan(c.Start, c.End), c.Surface, c.Recognition,
            [.. readings[c].Select(r => new ResolutionReading(r.Item1, r.Item2))]))];
    }

    private (ParseContext Context, List<Candidate> Candidates) Analyse(
        string text, IReadOnlyList<TextSpan>? sentences, Action<Candidate, GazetteerEntry, double[]>? inspect)
    {
        ArgumentNullException.ThrowIfNull(text);
        sentences ??= SentenceSplitter.Split(text);
        var tokens = Tokenizer.Tokenize(text, sentences, IsOrdinaryWord);
        var lower = new string[tokens.Count];
        for (var i = 0; i < tokens.Count; i++) lower[i] = NameNormalizer.Normalize(text.AsSpan(tokens[i].Start, tokens[i].Length));
        var candidates = finder.Find(text, tokens, lower);
        var people = recognizer.FindPeople(text, tokens, lower, candidates);
        var capitalisedKeys = candidates.Where(c => Recognizer.Casing(text.AsSpan(c.Start, c.End - c.Start)) == Recognizer.WordCasing.Title)
            .Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var context = new ParseContext(tokens, lower, people, capitalisedKeys);
        for (var i = 0; i < candidates.Count; i++) recognizer.Score(text, tokens, lower, people, candidates, i, capitalisedKeys);
        foreach (var c in candidates) c.Accepted = !c.Stop && c.Recognition >= model.Threshold;
        RecognitionRules.Apply(gazetteer, text, tokens, people, candidates, model.Threshold);

        var misspelt = FindMisspellings(text, tokens, lower, people, candidates);
        if (misspelt.Count > 0)
        {
            candidates.AddRange(misspelt);
            candidates.Sort((a, b) => a.Start.CompareTo(b.Start));
            for (var i = 0; i < candidates.Count; i++)
            {
                if (!candidates[i].Fuzzy) continue;
                recognizer.Score(text, tokens, lower, people, candidates, i, capitalisedKeys);
                candidates[i].Accepted = candidates[i].Recognition >= model.Threshold;
                if (candidates[i].InArticleMisspelling) RecognitionRules.AcceptInArticleMisspelling(candidates[i], model.Threshold);
            }
        }
        foreach (var c in candidates) c.Surface = text[c.Start..c.End];
        resolver.Resolve(tokens, lower, candidates.Where(c => c.Accepted).ToList(), IsUsLocalNews(lower), inspect);
        CrisisContext.Apply(gazetteer, candidates);
        var local = LocalFeatureFinder.Find(gazetteer, text, tokens, lower, people, candidates);
        if (local.Count > 0)
        {
            // A street or river replaces whatever shorter match lay inside it ("Dublin" in "Dublin Road").
            foreach (var f in local)
            {
                f.Surface = text[f.Start..f.End];
                f.Entry = f.Hits[0].Entry;
                f.ResolutionProbability = 1;
                candidates.RemoveAll(c => c.Start < f.End && f.Start < c.End);
            }
            candidates.AddRange(local);
            candidates.Sort((a, b) => a.Start.CompareTo(b.Start));
        }
        return (context, candidates);
    }

    private sealed record ParseContext(List<Token> Tokens, string[] Lower, bool[] People, HashSet<string> CapitalisedKeys);

    private static bool IsUsLocalNews(string[] lower)
    {
        var count = 0;
        foreach (var w in lower)
        {
            if (ContextWords.UsLocalGovernment.Contains(w) && ++count >= 2) return true;
        }
        return false;
    }

    private bool IsOrdinaryWord(string lowerWord) =>
        ContextWords.FunctionWords.Contains(lowerWord) || (gazetteer.WordClassOf(lowerWord) & WordClass.Common) != 0;

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
                if (match is { } m)
                {
                    found.Add(Fuzzy(i, i + 1, tokens, m.Key, m.Hits, m.InArticle));
                    i++;
                    continue;
                }
            }
            var single = Match(key, skeletons);
            if (single is { } s) found.Add(Fuzzy(i, i, tokens, s.Key, s.Hits, s.InArticle));
        }
        return found;
    }

    /// <summary>The name a misspelling stands for, and its readings; null when none is close enough.</summary>
    private (string Key, NameHit[] Hits, bool InArticle)? Match(string key, Dictionary<string, Candidate> skeletons)
    {
        if (skeletons.TryGetValue(FuzzyMatcher.Skeleton(key), out var inArticle)
            && inArticle.Key[0] == key[0] && Levenshtein.Distance(inArticle.Key, key, 2) <= 2)
            return (inArticle.Key, inArticle.Hits, true);
        var nearest = fuzzy.NearestNotable(key);
        return nearest is null ? null : (nearest, [.. gazetteer.Index.Lookup(nearest)], false);
    }

    private static Candidate Fuzzy(int first, int last, List<Token> tokens, string key, NameHit[] hits, bool inArticle)
    {
        // The key is the name it stands for, so one sense per discourse gives "Refa" the same place as "Rafah".
        return new Candidate(first, last, tokens[first].Start, tokens[last].End, key, [.. hits.DistinctBy(h => h.Entry)], stop: false) { Fuzzy = true, InArticleMisspelling = inArticle };
    }
}
