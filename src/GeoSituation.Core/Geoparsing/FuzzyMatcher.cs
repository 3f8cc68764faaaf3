using GeoSituation.Core.Gazetteer;

namespace GeoSituation.Core.Geoparsing;

/// <summary>Finds misspelt place names: "Khan Younes", "Refa" (for Rafah), "Afganistan".</summary>
/// <remarks>
/// Two nets. Within an article, a capitalised unknown word whose consonant skeleton matches a place the article
/// already names ("Refa" ~ "Rafah": r-f) is taken as that place: transliterated Arabic varies mostly in vowels
/// and a final h. Across the gazetteer, only notable places (countries, states, cities over 100,000) are
/// matched, and only at one edit for names of 5+ letters, through a deletion index (SymSpell).
/// </remarks>
internal sealed class FuzzyMatcher
{
    private readonly Dictionary<string, List<string>> deletions = new(StringComparer.Ordinal);
    public FuzzyMatcher(Gazetteer.Gazetteer gazetteer)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in gazetteer.Entries)
        {
            if (Recognizer.Importance(e) < 2) continue;
            var key = NameNormalizer.Normalize(e.Name);
            if (key.Length >= 5) keys.Add(key);
        }
        foreach (var key in keys)
        {
            Add(key, key);
            for (var i = 0; i < key.Length; i++) Add(string.Concat(key.AsSpan(0, i), key.AsSpan(i + 1)), key);
        }
    }

    private void Add(string deletion, string key)
    {
        if (!deletions.TryGetValue(deletion, out var list)) deletions[deletion] = list = new List<string>(1);
        if (!list.Contains(key)) list.Add(key);
    }

    /// <summary>Notable names within one edit of <paramref name="key"/> (not the exact name itself).</summary>
    public string? NearestNotable(string key)
    {
        if (key.Length < 5) return null;
        string? found = null;
        void Check(string probe)
        {
            if (!deletions.TryGetValue(probe, out var list)) return;
            foreach (var candidate in list)
            {
                // "African" is not a misspelt "Africa", nor "Canadians" of "Canada": a name plus a suffix is a derived word.
                if (candidate == key || candidate[0] != key[0] || key.StartsWith(candidate, StringComparison.Ordinal)) continue;
                if (Levenshtein.Distance(candidate, key, 1) <= 1 && (found is null || string.CompareOrdinal(candidate, found) < 0)) found = candidate;
            }
        }
        Check(key);
        for (var i = 0; i < key.Length; i++) Check(string.Concat(key.AsSpan(0, i), key.AsSpan(i + 1)));
        return found;
    }

    /// <summary>Consonant skeleton: first letter, then consonants without a final h ("rafah" -> "rf", "refa" -> "rf").</summary>
    public static string Skeleton(string key)
    {
        Span<char> buffer = stackalloc char[key.Length];
        var n = 0;
        var wordStart = true;
        foreach (var c in key)
        {
            if (c == ' ')
            {
                if (n > 0 && buffer[n - 1] == 'h') n--;
                buffer[n++] = ' ';
                wordStart = true;
                continue;
            }
            if (!wordStart && c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or '\'' or '.') continue;
            if (n > 0 && buffer[n - 1] == c) continue;
            buffer[n++] = c;
            wordStart = false;
        }
        if (n > 0 && buffer[n - 1] == 'h' && n > 1) n--;
        return new string(buffer[..n]);
    }
}
