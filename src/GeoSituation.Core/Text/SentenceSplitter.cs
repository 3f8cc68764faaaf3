namespace GeoSituation.Core.Text;

/// <summary>Splits news text into sentences without losing offsets.</summary>
/// <remarks>
/// News copy from machine translation and CMS exports often glues sentences ("...war,” the president said")
/// or drops the space after a full stop; we split on terminal punctuation followed by whitespace or an
/// opening quote and a capital, and always on blank lines (paragraphs). Abbreviations common in news
/// ("Mr.", "U.S.", "Gen.") do not end a sentence.
/// </remarks>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "capt", "maj", "sen", "rep", "gov", "st", "mt", "ft",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "no", "vs", "etc", "inc", "corp", "co", "ltd", "jr", "sr", "prof", "rev", "u.s", "u.n", "u.k", "e.g", "i.e",
    };

    public static IReadOnlyList<TextSpan> Split(string text)
    {
        var sentences = new List<TextSpan>();
        var start = SkipWhitespace(text, 0);
        var i = start;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n' && i + 1 < text.Length && IsBlankLineAhead(text, i + 1))
            {
                Add(sentences, text, start, i);
                start = i = SkipWhitespace(text, i + 1);
                continue;
            }
            if ((c == '.' || c == '!' || c == '?') && IsSentenceEnd(text, start, i))
            {
                var end = i + 1;
                while (end < text.Length && IsClosingQuote(text[end])) end++;
                Add(sentences, text, start, end);
                start = i = SkipWhitespace(text, end);
                continue;
            }
            i++;
        }
        Add(sentences, text, start, text.Length);
        return sentences;
    }

    private static bool IsSentenceEnd(string text, int sentenceStart, int i)
    {
        var next = i + 1;
        while (next < text.Length && IsClosingQuote(text[next])) next++;
        if (next >= text.Length) return true;
        if (!char.IsWhiteSpace(text[next]))
        {
            // "...war.”He gave" : a closing quote glued to the next sentence still ends it.
            return next > i + 1 && char.IsUpper(text[next]);
        }
        if (text[i] != '.') return true;
        var wordStart = i;
        while (wordStart > sentenceStart && !char.IsWhiteSpace(text[wordStart - 1])) wordStart--;
        var word = text[wordStart..i].TrimStart('(', '"', '“', '\'');
        if (Abbreviations.Contains(word)) return false;
        // A single capital initial ("John F. Kennedy") is not a sentence end.
        if (word.Length == 1 && char.IsUpper(word[0])) return false;
        var after = SkipWhitespace(text, next);
        return after >= text.Length || !char.IsLower(text[after]);
    }

    private static bool IsClosingQuote(char c) => c is '"' or '”' or '’' or '\'' or ')';

    private static bool IsBlankLineAhead(string text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t' or '\r') i++;
        return i < text.Length && text[i] == '\n';
    }

    private static int SkipWhitespace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        return i;
    }

    private static void Add(List<TextSpan> sentences, string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) sentences.Add(new TextSpan(start, end));
    }
}
