using GeoSituation.Core.Gazetteer;

namespace GeoSituation.Core.Geoparsing;

/// <summary>Chooses, for each accepted toponym, which of the places with that name the article means.</summary>
/// <remarks>
/// Every reading of a name is scored by <see cref="ResolverModel"/> over <see cref="ResolutionFeatures"/>. The
/// article's other places are context, so resolution runs in passes: the first uses the prior and qualifiers
/// only, the next ones add the countries, states and positions the first pass chose. A mention never votes
/// for itself, nor do other mentions of the same name. Finally the same name keeps one meaning in one article.
/// </remarks>
internal sealed class Resolver(Gazetteer.Gazetteer gazetteer, ResolverModel model)
{
    private const int ContextPasses = 2;

    public void Resolve(List<Token> tokens, string[] lower, List<Candidate> accepted, bool usLocalNews) =>
        Resolve(tokens, lower, accepted, usLocalNews, null);

    /// <summary>Resolves, then hands every reading's final features to <paramref name="inspect"/> (training, explaining).</summary>
    public void Resolve(List<Token> tokens, string[] lower, List<Candidate> accepted, bool usLocalNews, Action<Candidate, GazetteerEntry, double[]>? inspect)
    {
        FindQualifiers(tokens, accepted);
        for (var i = 0; i < accepted.Count; i++) Choose(accepted[i], accepted, lower, Input(i, accepted, tokens, lower, [], "", usLocalNews), null);
        for (var pass = 0; pass < ContextPasses; pass++)
        {
            var last = pass == ContextPasses - 1;
            // Every mention of one name sees the same context (all other names), so it is built once per name.
            var contextByKey = new Dictionary<string, (OtherPlace[] Others, string MostMentioned)>(StringComparer.Ordinal);
            var heaviest = HeaviestNames(accepted);
            for (var i = 0; i < accepted.Count; i++)
            {
                var c = accepted[i];
                if (!contextByKey.TryGetValue(c.Key, out var context))
                {
                    var others = heaviest is null ? Others(c.Key, accepted) : Others(c.Key, heaviest);
                    contextByKey[c.Key] = context = (others, MostMentioned(others));
                }
                Choose(c, accepted, lower, Input(i, accepted, tokens, lower, context.Others, context.MostMentioned, usLocalNews), last ? inspect : null);
            }
        }
        OneSensePerDiscourse(accepted);
    }

    // The mention is passed by its position in the list, not looked up (List.IndexOf per mention made resolution
    // quadratic in the number of mentions: 12 s of a 1 MB run-on sentence's 14 s went here).
    private ResolutionInput Input(int index, List<Candidate> all, List<Token> tokens, string[] lower, OtherPlace[] others, string mostMentioned, bool usLocalNews)
    {
        var c = all[index];
        var entries = gazetteer.Entries;
        long largest = 0;
        foreach (var h in c.Hits) largest = Math.Max(largest, entries[h.Entry].Population);
        var qualifier = c.Qualifier >= 0 && all[c.Qualifier].Entry >= 0 ? entries[all[c.Qualifier].Entry] : null;
        var directional = c.FirstToken > 0 && ContextWords.Directional.Contains(lower[c.FirstToken - 1]);
        return new ResolutionInput(c.Surface, c.Hits.Length, largest, qualifier, directional, others, mostMentioned, usLocalNews,
            ListNeighbourKinds(index, all, tokens, lower), GovernmentVoice(c, lower));
    }

    /// <summary>The word after the name, or one of the two before it, says the name stands for a government.</summary>
    private static bool GovernmentVoice(Candidate c, string[] lower) =>
        (c.LastToken + 1 < lower.Length && ContextWords.GovernmentVoice.Contains(lower[c.LastToken + 1]))
        || (c.FirstToken >= 2 && ContextWords.GovernmentVoice.Contains(lower[c.FirstToken - 2]))
        || (c.FirstToken >= 1 && ContextWords.GovernmentVoice.Contains(lower[c.FirstToken - 1]));

    /// <summary>Kinds of the places chosen for the names listed right before and after this one
    /// ("A, B and C"), so a list of states reads as states.</summary>
    private int[] ListNeighbourKinds(int index, List<Candidate> all, List<Token> tokens, string[] lower)
    {
        var c = all[index];
        var kinds = new List<int>(2);
        if (index > 0 && Listed(all[index - 1], c, tokens, lower) && all[index - 1].Entry >= 0)
            kinds.Add(ResolutionFeatures.KindClass(gazetteer.Entries[all[index - 1].Entry]));
        if (index + 1 < all.Count && Listed(c, all[index + 1], tokens, lower) && all[index + 1].Entry >= 0)
            kinds.Add(ResolutionFeatures.KindClass(gazetteer.Entries[all[index + 1].Entry]));
        return [.. kinds];
    }

    // b follows a in a list: right after a comma, or after "and"/"or" (with or without a comma).
    private static bool Listed(Candidate a, Candidate b, List<Token> tokens, string[] lower)
    {
        if (b.Qualifier >= 0 || a.Qualifier >= 0) return false;
        var gap = b.FirstToken - a.LastToken;
        if (gap == 1) return tokens[b.FirstToken].Before == Separator.Comma;
        return gap == 2 && lower[a.LastToken + 1] is "and" or "or";
    }

    // News articles name a few dozen places; every name's context is all the others, so a text naming thousands
    // (a run-on or hostile 1 MB article) costs names x names x readings: minutes. Past this many names only the
    // heaviest are context; an article under it resolves exactly as before.
    private const int MaxContextNames = 200;

    /// <summary>Null when the article names few enough places; else the chosen places of its MaxContextNames
    /// heaviest names, by name, their mentions' weights summed per entry.</summary>
    private static List<(string Key, Dictionary<int, double> Weights)>? HeaviestNames(List<Candidate> all)
    {
        var byKey = new Dictionary<string, Dictionary<int, double>>(StringComparer.Ordinal);
        var total = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var o in all)
        {
            if (!byKey.TryGetValue(o.Key, out var weights)) byKey[o.Key] = weights = [];
            if (o.Entry < 0) continue;
            var w = o.ResolutionProbability * o.Recognition;
            weights[o.Entry] = weights.GetValueOrDefault(o.Entry) + w;
            total[o.Key] = total.GetValueOrDefault(o.Key) + w;
        }
        if (byKey.Count <= MaxContextNames) return null;
        return [.. byKey.Select(kv => (kv.Key, kv.Value)).OrderByDescending(k => total.GetValueOrDefault(k.Key)).ThenBy(k => k.Key, StringComparer.Ordinal)
            .Take(MaxContextNames)];
    }

    private OtherPlace[] Others(string key, List<(string Key, Dictionary<int, double> Weights)> heaviest)
    {
        var weights = new Dictionary<int, double>();
        foreach (var (otherKey, entries) in heaviest)
        {
            if (otherKey == key) continue;
            foreach (var (entry, w) in entries) weights[entry] = weights.GetValueOrDefault(entry) + w;
        }
        return [.. weights.Select(kv => OtherPlace.Of(gazetteer.Entries[kv.Key], kv.Value))];
    }

    /// <summary>The places chosen for the article's other names, one per entry with its mentions' weights summed.</summary>
    private OtherPlace[] Others(string key, List<Candidate> all)
    {
        var weights = new Dictionary<int, double>();
        foreach (var o in all)
        {
            if (o.Key != key && o.Entry >= 0) weights[o.Entry] = weights.GetValueOrDefault(o.Entry) + o.ResolutionProbability * o.Recognition;
        }
        return [.. weights.Select(kv => OtherPlace.Of(gazetteer.Entries[kv.Key], kv.Value))];
    }

    private static string MostMentioned(OtherPlace[] others)
    {
        var votes = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var o in others)
        {
            if (o.Entry.CountryCode.Length > 0) votes[o.Entry.CountryCode] = votes.GetValueOrDefault(o.Entry.CountryCode) + o.Weight;
        }
        return votes.Count == 0 ? "" : votes.MaxBy(kv => kv.Value).Key;
    }

    private void Choose(Candidate c, List<Candidate> all, string[] lower, in ResolutionInput input, Action<Candidate, GazetteerEntry, double[]>? inspect)
    {
        var entries = gazetteer.Entries;
        Span<double> scores = c.Hits.Length <= 256 ? stackalloc double[c.Hits.Length] : new double[c.Hits.Length];
        Span<double> features = stackalloc double[ResolutionFeatures.Count];
        var bestIndex = -1;
        var constrained = Constrained(c, input);
        for (var h = 0; h < c.Hits.Length; h++)
        {
            var e = entries[c.Hits[h].Entry];
            ResolutionFeatures.Compute(input, e, c.Hits[h].Source, features);
            scores[h] = model.Score(features);
            inspect?.Invoke(c, e, features.ToArray());
            if (constrained is not null && !constrained(e)) continue;
            if (bestIndex < 0 || scores[h] > scores[bestIndex]) bestIndex = h;
        }
        bestIndex = PreferSeat(c, bestIndex);
        // Softmax share of the winner: near 1 when one reading dominates, lower when a close second exists.
        var max = scores[bestIndex];
        var sum = 0.0;
        foreach (var s in scores) sum += Math.Exp(s - max);
        c.Entry = c.Hits[bestIndex].Entry;
        c.ResolutionProbability = 1.0 / sum;
    }

    /// <summary>"Cairo" and "Rafah" are the cities more than the governorates named after them: an admin area
    /// gives way to its own seat of the same name.</summary>
    private int PreferSeat(Candidate c, int best)
    {
        var entries = gazetteer.Entries;
        var area = entries[c.Hits[best].Entry];
        if (area.Kind != PlaceKind.AdminArea) return best;
        for (var h = 0; h < c.Hits.Length; h++)
        {
            var e = entries[c.Hits[h].Entry];
            var seat = e.Kind == PlaceKind.City && e.FeatureCode is "PPLC" or "PPLA" or "PPLA2" && c.Hits[h].Source != NameSource.Alternate
                       && e.CountryCode == area.CountryCode && e.Admin1Code == area.Admin1Code
                       && (area.FeatureCode != "ADM2" || e.Admin2Code == area.Admin2Code || area.PCode is not null);
            if (seat && Geo.Kilometres(e.Latitude, e.Longitude, area.Latitude, area.Longitude) < 150) return h;
        }
        return best;
    }

    /// <summary>Hard constraints that override the scores when some reading satisfies them.</summary>
    /// <remarks>"Paris, Texas" must be in Texas; "southern Gaza" is an area (the Strip), not a city.</remarks>
    private Func<GazetteerEntry, bool>? Constrained(Candidate c, in ResolutionInput input)
    {
        var entries = gazetteer.Entries;
        if (input.Qualifier is { } q)
        {
            bool Inside(GazetteerEntry e) => q.Kind == PlaceKind.Country
                ? e.CountryCode == q.CountryCode
                : e.CountryCode == q.CountryCode && e.Admin1Code == q.Admin1Code && (q.FeatureCode != "ADM2" || e.Admin2Code == q.Admin2Code);
            if (c.Hits.Any(h => Inside(entries[h.Entry]))) return Inside;
        }
        if (input.Directional)
        {
            static bool Area(GazetteerEntry e) => e.Kind is PlaceKind.Region or PlaceKind.Country;
            if (c.Hits.Any(h => Area(entries[h.Entry]))) return Area;
        }
        return null;
    }

    private void FindQualifiers(List<Token> tokens, List<Candidate> accepted)
    {
        for (var i = 0; i + 1 < accepted.Count; i++)
        {
            var c = accepted[i];
            var next = accepted[i + 1];
            if (next.FirstToken != c.LastToken + 1 || tokens[next.FirstToken].Before != Separator.Comma) continue;
            var container = next.Hits.Any(h => gazetteer.Entries[h.Entry] is { Kind: PlaceKind.Country } or { FeatureCode: "ADM1" or "ADM2" });
            if (container && !c.Hits.All(h => gazetteer.Entries[h.Entry].Kind == PlaceKind.Country)) c.Qualifier = i + 1;
        }
    }

    private static void OneSensePerDiscourse(List<Candidate> accepted)
    {
        foreach (var group in accepted.GroupBy(c => c.Key))
        {
            if (!group.Skip(1).Any()) continue;
            var best = group.Where(c => c.Qualifier < 0).DefaultIfEmpty(group.First())
                .GroupBy(c => c.Entry).MaxBy(g => g.Sum(c => c.ResolutionProbability))!;
            foreach (var c in group)
            {
                if (c.Qualifier >= 0 || c.Entry == best.Key) continue;
                c.Entry = best.Key;
                c.ResolutionProbability = best.Average(x => x.ResolutionProbability) * 0.9;
            }
        }
    }
}
