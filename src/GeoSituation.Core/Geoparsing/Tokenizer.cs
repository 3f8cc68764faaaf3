using GeoSituation.Core.Text;

namespace GeoSituation.Core.Geoparsing;

/// <summary>Splits text into <see cref="Token"/>s, keeping initialisms ("U.S.") whole and splitting glued words.</summary>
/// <remarks>
/// Machine-translated and scraped news glues words ("khan younisOne of the last", "RefaTo achieve"): a
/// lower-to-upper case change inside a word starts a new token when what follows is an ordinary word, so
/// "younis" and "Refa" can be found, while names such as "DeKalb" or "McAllen" stay whole.
/// </remarks>
internal static class Tokenizer
{
    public static List<Token> Tokenize(string text, IReadOnlyList<TextSpan> sentences, Func<string, bool> isOrdinaryWord)
    {
        var tokens = new List<Token>(text.Length / 5);
        var sentenceIndex = 0;
        var i = 0;
        var previousEnd = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            var end = InitialismEnd(text, i);
            if (end < 0)
            {
                end = i;
                while (end < text.Length && IsWordChar(text[end])) end++;
            }
            while (sentenceIndex < sentences.Count && sentences[sentenceIndex].End <= start) sentenceIndex++;
            var sentenceStart = sentenceIndex < sentences.Count && IsFirstWordOfSentence(text, sentences[sentenceIndex].Start, start);
            var before = Classify(text, previousEnd, start, tokens.Count == 0);
            var lineStart = tokens.Count == 0 || before == Separator.LineBreak;
            AddSplittingGlued(tokens, text, start, end, before, sentenceStart || lineStart, lineStart, isOrdinaryWord);
            previousEnd = end;
            i = end;
        }
        return tokens;
    }

    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is
        System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;

    // "U.S.", "D.C.", "U.A.E.": single letters each followed by a full stop, at least two of them. Also the
    // AP state abbreviations that end on a short word ("W.Va.", "N.Mex."): split at the first full stop, only
    // "Va." would be found, and that is another state.
    private static int InitialismEnd(string text, int i)
    {
        var j = i;
        var letters = 0;
        while (j + 1 < text.Length && char.IsLetter(text[j]) && text[j + 1] == '.')
        {
            letters++;
            j += 2;
        }
        if (letters >= 1 && j < text.Length && char.IsUpper(text[j]))
        {
            var k = j + 1;
            while (k < text.Length && k - j <= 3 && char.IsLower(text[k])) k++;
            if (k > j + 1 && k < text.Length && text[k] == '.') j = k + 1;
        }
        var valid = (letters >= 2 || j > i + 2) && char.IsUpper(text[i]) && (j >= text.Length || !char.IsLetterOrDigit(text[j]));
        return valid ? j : -1;
    }

    private static bool IsFirstWordOfSentence(string text, int sentenceStart, int tokenStart)
    {
        for (var k = sentenceStart; k < tokenStart; k++)
        {
            if (IsWordChar(text[k])) return false;
        }
        return true;
    }

    private static Separator Classify(string text, int from, int to, bool first)
    {
        if (first) return Separator.LineBreak;
        if (from == to) return Separator.Glued;
        var gap = text.AsSpan(from, to - from);
        if (gap.Contains('\n')) return Separator.LineBreak;
        if (gap.Length == 1 && gap[0] is '-' or '‐' or '‑') return Separator.Joiner;
        // An apostrophe joins "Sana'a" but not a contraction or possessive ("We're", "Gaza's").
        if (gap.Length == 1 && gap[0] is '\'' or '’' or '‘') return IsContraction(text, to) ? Separator.Punctuation : Separator.Joiner;
        var comma = false;
        foreach (var c in gap)
        {
            if (char.IsWhiteSpace(c)) continue;
            if (c == ',') comma = true;
            else return Separator.Punctuation;
        }
        return comma ? Separator.Comma : Separator.Space;
    }

    private static bool IsContraction(string text, int suffixStart)
    {
        var end = suffixStart;
        while (end < text.Length && char.IsLetter(text[end])) end++;
        return (end - suffixStart) switch
        {
            1 => text[suffixStart] is 's' or 'S' or 'd' or 'm' or 't',
            2 => text.AsSpan(suffixStart, 2) is "re" or "ll" or "ve" or "RE" or "LL" or "VE",
            _ => false,
        };
    }

    private static void AddSplittingGlued(
        List<Token> tokens, string text, int start, int end, Separator before, bool sentenceStart, bool lineStart, Func<string, bool> isOrdinaryWord)
    {
        for (var k = start + 3; k < end - 1; k++)
        {
            if (!char.IsLower(text[k - 1]) || !char.IsUpper(text[k]) || !char.IsLower(text[k + 1])) continue;
            var rest = text.AsSpan(k, end - k);
            var restEnd = 1;
            while (restEnd < rest.Length && char.IsLower(rest[restEnd])) restEnd++;
            if (!isOrdinaryWord(rest[..restEnd].ToString().ToLowerInvariant())) continue;
            tokens.Add(new Token(start, k, before, sentenceStart, lineStart));
            AddSplittingGlued(tokens, text, k, end, Separator.Glued, false, false, isOrdinaryWord);
            return;
        }
        tokens.Add(new Token(start, end, before, sentenceStart, lineStart));
    }
}
