using GeoSituation.Core.Geoparsing;

namespace GeoSituation.Core.Extraction;

/// <summary>The dateline of an article: where the story was filed, which is metadata, not where things happened.</summary>
/// <remarks>
/// The one dateline policy of the product, used by displacement figures and events alike (through
/// <see cref="ArticlePlaces"/>): "GOMA, Congo (AP) —", "KYIV:", "GENEVA, Feb 13 (Reuters) -", "COX'S BAZAR —" open a
/// line near the top of the article and end at a dash or colon within a few words. Every toponym inside it is a
/// dateline place. Such places are never a figure's or an event's place by position in their sentence; a sentence
/// that names no place of its own may still fall back on the dateline (what the story is filed from is often where
/// it happens: "have reached the camps here"), with low confidence.
/// </remarks>
public static class Datelines
{
    // Datelines are short: a city, a country or state, a date and an agency in brackets.
    private const int MaxLength = 64;
    // Only the first lines can carry one (a headline, maybe a subtitle, then the body).
    private const int MaxLine = 3;

    /// <summary>The span [start, end) of the article's dateline, or null when it has none.</summary>
    public static (int Start, int End)? Find(string text)
    {
        var lineStart = 0;
        for (var line = 0; line < MaxLine && lineStart < text.Length; line++)
        {
            var start = lineStart;
            while (start < text.Length && text[start] is ' ' or '\t') start++;
            if (Dateline(text, start) is { } end) return (start, end);
            var newline = text.IndexOf('\n', start);
            if (newline < 0) break;
            lineStart = newline + 1;
        }
        return null;
    }

    /// <summary>True when the toponym lies inside the dateline span.</summary>
    public static bool Contains((int Start, int End)? dateline, Toponym toponym) =>
        dateline is { } d && toponym.Span.Start >= d.Start && toponym.Span.End <= d.End;

    // From a line start: capitalised words, commas, digits, full stops and one bracketed agency, then a dash or colon.
    // The first word must be written in capitals ("GOMA", "COX'S BAZAR") or the line must carry a bracketed agency,
    // so an ordinary opening ("Rafah - a city of 275,000 -") is not a dateline.
    private static int? Dateline(string text, int start)
    {
        var limit = Math.Min(text.Length, start + MaxLength);
        var shouted = IsShoutedWord(text, start);
        var sawLetters = false;
        var bracketed = false;
        for (var i = start; i < limit; i++)
        {
            var c = text[i];
            if (char.IsLetter(c))
            {
                // Every word of a dateline starts with a capital ("GENEVA, Feb 13").
                if (i == start || !IsWordCharacter(text[i - 1])) { if (!char.IsUpper(c)) return null; }
                sawLetters = true;
                continue;
            }
            if (c is '\'' or '’' && i > start && char.IsLetter(text[i - 1])) continue;
            if (c == '(')
            {
                var close = text.IndexOf(')', i);
                if (close < 0 || close - i > 30) return null;
                bracketed = true;
                i = close;
                continue;
            }
            if (c is ':' or '—' or '–' || (c == '-' && i + 1 < text.Length && text[i + 1] == ' '))
            {
                return sawLetters && (shouted || bracketed) ? i : null;
            }
            if (c == '-' && i > start && char.IsLetter(text[i - 1])) continue;
            if (c is ' ' or ',' or '.' || char.IsDigit(c)) continue;
            return null;
        }
        return null;
    }

    private static bool IsWordCharacter(char c) => char.IsLetter(c) || c is '\'' or '’' or '-';

    // "GOMA", "COX'S": the first word in capitals, at least two letters.
    private static bool IsShoutedWord(string text, int start)
    {
        var letters = 0;
        for (var i = start; i < text.Length && IsWordCharacter(text[i]); i++)
        {
            if (!char.IsLetter(text[i])) continue;
            if (!char.IsUpper(text[i])) return false;
            letters++;
        }
        return letters >= 2;
    }
}
