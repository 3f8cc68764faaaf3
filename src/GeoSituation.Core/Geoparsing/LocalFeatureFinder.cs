using GeoSituation.Core.Gazetteer;

namespace GeoSituation.Core.Geoparsing;

/// <summary>Finds local features no gazetteer lists (streets, highways, rivers, lakes) and places them at the
/// article's own town.</summary>
/// <remarks>
/// "Main Street", "Highway 59", "Neches River", "Lake Lanier": capitalised words before a feature word, or a
/// feature word before a name or number. Local news names them often and annotators mark them as toponyms.
/// They are resolved to the place the article is most about (its most-mentioned town or county), which is
/// where such a feature usually is; the confidence says so.
/// </remarks>
internal static class LocalFeatureFinder
{
    private const double Confidence = 0.45;
    private const int MaxNameWords = 3;

    private static readonly HashSet<string> Suffixes = new(StringComparer.Ordinal)
    {
        "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "drive", "lane", "highway", "parkway",
        "river", "creek", "lake", "bridge", "square", "mountain", "mountains", "canyon", "pike", "trail", "reservoir",
    };

    private static readonly HashSet<string> Prefixes = new(StringComparer.Ordinal)
    {
        "lake", "mount", "mt", "highway", "interstate", "route",
    };

    public static List<Candidate> Find(Gazetteer.Gazetteer gazetteer, string text, List<Token> tokens, string[] lower, bool[] people, List<Candidate> candidates)
    {
        var found = new List<Candidate>();
        var anchor = Anchor(gazetteer, candidates);
        if (anchor < 0) return found;
        var acceptedAt = new bool[tokens.Count];
        foreach (var c in candidates)
        {
            if (!c.Accepted) continue;
            for (var k = c.FirstToken; k <= c.LastToken; k++) acceptedAt[k] = true;
        }
        for (var i = 0; i < tokens.Count; i++)
        {
            if (acceptedAt[i] || people[i] || !IsNamePart(text, tokens[i], lower[i])) continue;
            var end = -1;
            if (Prefixes.Contains(lower[i]) && IsCapitalisedWord(text, tokens[i]) && i + 1 < tokens.Count && Connected(tokens[i + 1])
                && (char.IsDigit(text[tokens[i + 1].Start]) || IsCapitalisedWord(text, tokens[i + 1])) && !acceptedAt[i + 1])
            {
                end = i + 1; // "Highway 59", "Lake Lanier"
            }
            else
            {
                for (var j = i + 1; j <= i + MaxNameWords && j < tokens.Count && Connected(tokens[j]) && !acceptedAt[j]; j++)
                {
                    if (Suffixes.Contains(lower[j]) && IsCapitalisedWord(text, tokens[j]))
                    {
                        end = j; // "Main Street", "Neches River"
                        break;
                    }
                    if (!IsNamePart(text, tokens[j], lower[j])) break;
                }
            }
            if (end < 0) continue;
            var last = tokens[end];
            var stop = last.End < text.Length && text[last.End] == '.' && lower[end] is "st" or "ave" or "rd" or "blvd" or "mt" ? last.End + 1 : last.End;
            var key = NameNormalizer.Normalize(text.AsSpan(tokens[i].Start, stop - tokens[i].Start));
            found.Add(new Candidate(i, end, tokens[i].Start, stop, key, [new NameHit(anchor, NameSource.Alias)], stop: false)
            {
                LocalFeature = true,
                Accepted = true,
                Recognition = Confidence,
            });
            i = end;
        }
        return found;
    }

    /// <summary>The town or county the article mentions most (by recognition confidence); -1 when none.</summary>
    private static int Anchor(Gazetteer.Gazetteer gazetteer, List<Candidate> candidates)
    {
        var weights = new Dictionary<int, double>();
        foreach (var c in candidates)
        {
            if (!c.Accepted || c.Entry < 0) continue;
            var e = gazetteer.Entries[c.Entry];
            if (e.Kind == PlaceKind.City || e.FeatureCode == "ADM2") weights[c.Entry] = weights.GetValueOrDefault(c.Entry) + c.Recognition * c.ResolutionProbability;
        }
        return weights.Count == 0 ? -1 : weights.MaxBy(kv => kv.Value).Key;
    }

    private static bool Connected(Token t) => t.Before == Separator.Space;

    private static bool IsCapitalisedWord(string text, Token t) => char.IsUpper(text[t.Start]);

    // A name word: capitalised (not a sentence-initial function word) or a number such as "42nd" or "6016".
    private static bool IsNamePart(string text, Token t, string lowerWord) =>
        (char.IsUpper(text[t.Start]) && !ContextWords.FunctionWords.Contains(lowerWord)) || char.IsDigit(text[t.Start]);
}
