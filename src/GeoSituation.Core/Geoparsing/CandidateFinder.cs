using GeoSituation.Core.Gazetteer;

namespace GeoSituation.Core.Geoparsing;

/// <summary>Finds every stretch of tokens that is a gazetteer name, longest first ("Khan Yunis" before "Khan").</summary>
internal sealed class CandidateFinder(Gazetteer.Gazetteer gazetteer)
{
    private const int MaxWindow = 6;
    private readonly NameIndex index = gazetteer.Index;

    public List<Candidate> Find(string text, List<Token> tokens, string[] lowerTokens)
    {
        var candidates = new List<Candidate>();
        var i = 0;
        while (i < tokens.Count)
        {
            var matched = MatchAt(text, tokens, lowerTokens, i);
            if (matched is null)
            {
                i++;
                continue;
            }
            candidates.Add(matched);
            i = matched.LastToken + 1;
        }
        return candidates;
    }

    // The normalised name of tokens i..last, as NameNormalizer would make it from the text between them:
    // words joined by a space, except across an apostrophe ("Sana'a" -> "sanaa").
    private static string WindowKey(string text, List<Token> tokens, string[] lowerTokens, int i, int last)
    {
        var sb = new System.Text.StringBuilder(lowerTokens[i]);
        for (var k = i + 1; k <= last; k++)
        {
            if (IsAbbreviationJoined(text, tokens, lowerTokens, k)) sb.Append('.');
            if (!IsApostropheJoined(text, tokens, k)) sb.Append(' ');
            sb.Append(lowerTokens[k]);
        }
        return sb.ToString();
    }

    // "St. Petersburg", "Mt. Pleasant", "Ft. Worth": the abbreviation's full stop is part of the name.
    private static bool IsAbbreviationJoined(string text, List<Token> tokens, string[] lowerTokens, int k) =>
        k > 0 && lowerTokens[k - 1] is "st" or "mt" or "ft" && tokens[k].Start - tokens[k - 1].End == 2
        && text[tokens[k - 1].End] == '.' && text[tokens[k - 1].End + 1] == ' ' && char.IsUpper(text[tokens[k].Start]);

    // GeoNames writes most of them in full ("Mount Pleasant", "Saint Petersburg"); news abbreviates.
    private static string Unabbreviated(string key) =>
        key.StartsWith("st. ", StringComparison.Ordinal) ? "saint " + key[4..]
        : key.StartsWith("mt. ", StringComparison.Ordinal) ? "mount " + key[4..]
        : key.StartsWith("ft. ", StringComparison.Ordinal) ? "fort " + key[4..]
        : key;

    // "Sana'a", and the possessive of a name that keeps it ("Cox's Bazar"): one apostrophe between two tokens.
    private static bool IsApostropheJoined(string text, List<Token> tokens, int k) =>
        k > 0 && tokens[k].Start - tokens[k - 1].End == 1 && text[tokens[k].Start - 1] is '\'' or '’' or '‘' or '`';

    private static bool IsCompassWord(string word) =>
        word is "north" or "south" or "east" or "west" or "northeast" or "northwest" or "southeast" or "southwest"
        || ContextWords.Directional.Contains(word);

    private Candidate? MatchAt(string text, List<Token> tokens, string[] lowerTokens, int i)
    {
        var first = lowerTokens[i];
        var t = tokens[i];
        if (char.IsDigit(text[t.Start])) return null;
        var lowerFirst = char.IsLower(text[t.Start]);
        if (lowerFirst && ContextWords.FunctionWords.Contains(first)) return null;
        var maxN = 1;
        // "Cox's Bazar": the name's first word is "coxs", written across an apostrophe.
        var firstWord = i + 1 < tokens.Count && IsApostropheJoined(text, tokens, i + 1) ? first + lowerTokens[i + 1] : first;
        if (index.FirstWords.Contains(first) || index.FirstWords.Contains(firstWord) || first is "st" or "mt" or "ft")
        {
            while (maxN < MaxWindow && i + maxN < tokens.Count
                   && (tokens[i + maxN].Before is Separator.Space or Separator.Joiner || IsApostropheJoined(text, tokens, i + maxN)
                       || IsAbbreviationJoined(text, tokens, lowerTokens, i + maxN))) maxN++;
        }
        for (var n = maxN; n >= 1; n--)
        {
            var last = i + n - 1;
            // A name never ends on a function word ("Gaza and") nor mixes in a lower-case word after a capital.
            if (n > 1 && ContextWords.FunctionWords.Contains(lowerTokens[last])) continue;
            var end = tokens[last].End;
            var key = n == 1 ? first : WindowKey(text, tokens, lowerTokens, i, last);
            if (gazetteer.IsStopName(key)) return new Candidate(i, last, t.Start, end, key, [], stop: true);
            var hits = index.Lookup(key);
            if (hits.Count == 0 && n > 1 && key.Length > 4 && key[2] == '.')
            {
                var full = Unabbreviated(key);
                if (!ReferenceEquals(full, key)) hits = index.Lookup(full);
            }
            // "Calif." and "Ind.": abbreviations that keep their full stop.
            if (end < text.Length && text[end] == '.')
            {
                var dotted = index.Lookup(key + ".");
                if (dotted.Count > 0) return new Candidate(i, last, t.Start, end + 1, key + ".", [.. dotted], stop: false);
            }
            // "north Arlington" is the north of Arlington, not North Arlington, NJ: a lower-case compass word describes
            // the capitalised name after it when the name it would start is a town's (written capitalised).
            // Regions kept under such names ("southern Gaza") still match.
            if (n > 1 && lowerFirst && IsCompassWord(first) && char.IsUpper(text[tokens[i + 1].Start])
                && hits.All(h => gazetteer.Entries[h.Entry].Kind == PlaceKind.City)) continue;
            if (hits.Count > 0) return new Candidate(i, last, t.Start, end, key, [.. hits], stop: false);
        }
        return null;
    }
}
