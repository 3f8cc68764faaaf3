using GeoSituation.Core.Text;

namespace GeoSituation.Core.Extraction;

/// <summary>The tokens of one sentence, with the small vocabulary of checks the extractors need.</summary>
/// <remarks>
/// One instance is reused for every sentence of an article (<see cref="Load"/> clears it), so scanning an
/// article allocates one list, not one string per word. Not thread-safe: each extraction call owns one.
/// Letters, digits and other characters become separate tokens, so "1.4m" is a number and a glued word,
/// "Gaza’s" is "Gaza", "’", "s", and "RefaTo" stays one word (toponym spans are matched by overlap).
/// </remarks>
internal sealed class SentenceTokens
{
    private readonly List<WordToken> tokens = new(128);

    public string Text { get; private set; } = "";

    public TextSpan Sentence { get; private set; }

    public int Count => tokens.Count;

    public WordToken this[int index] => tokens[index];

    public void Load(string text, TextSpan sentence)
    {
        Text = text;
        Sentence = sentence;
        tokens.Clear();
        var i = sentence.Start;
        while (i < sentence.End)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) i++;
            else if (char.IsAsciiDigit(c)) i = ReadNumber(text, i, sentence.End);
            else if (char.IsLetter(c)) i = ReadWord(text, i, sentence.End);
            else
            {
                tokens.Add(new WordToken(i, i + 1, TokenKind.Symbol));
                i++;
            }
        }
    }

    public ReadOnlySpan<char> Chars(int index) => Text.AsSpan(tokens[index].Start, tokens[index].Length);

    public bool IsWord(int index) => (uint)index < (uint)tokens.Count && tokens[index].Kind == TokenKind.Word;

    public bool IsNumber(int index) => (uint)index < (uint)tokens.Count && tokens[index].Kind == TokenKind.Number;

    public bool Is(int index, string word) => IsWord(index) && Chars(index).Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool In(int index, WordSet words) => IsWord(index) && words.Contains(Chars(index));

    public bool IsSymbol(int index, char symbol) =>
        (uint)index < (uint)tokens.Count && tokens[index].Kind == TokenKind.Symbol && Text[tokens[index].Start] == symbol;

    /// <summary>A dash used as a range or compound separator: hyphen, en dash or minus sign.</summary>
    public bool IsDash(int index) => IsSymbol(index, '-') || IsSymbol(index, '–') || IsSymbol(index, '−');

    public bool IsCapitalised(int index) => IsWord(index) && char.IsUpper(Text[tokens[index].Start]);

    /// <summary>True when the token touches the previous one with no space ("m" in "1.4m").</summary>
    public bool IsGlued(int index) => index > 0 && index < tokens.Count && tokens[index].Start == tokens[index - 1].End;

    /// <summary>A clause-ending mark: semicolon, colon, or a full stop inside a glued sentence.</summary>
    public bool IsClauseBreak(int index) => IsSymbol(index, ';') || IsSymbol(index, ':') || IsSymbol(index, '.');

    /// <summary>"’s" or "'s" starting at <paramref name="index"/> (a possessive after a name).</summary>
    public bool IsPossessiveAt(int index) =>
        (IsSymbol(index, '\'') || IsSymbol(index, '’')) && Is(index + 1, "s") && IsGlued(index + 1);

    /// <summary>The index of the first token that overlaps [start, end), or -1.</summary>
    public int FirstTokenOverlapping(int start, int end)
    {
        int lo = 0, hi = tokens.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (tokens[mid].End > start) { found = mid; hi = mid - 1; }
            else lo = mid + 1;
        }
        return found >= 0 && tokens[found].Start < end ? found : -1;
    }

    /// <summary>The index just past the last token that overlaps [start, end).</summary>
    public int EndTokenOverlapping(int first, int end)
    {
        var i = first;
        while (i < tokens.Count && tokens[i].Start < end) i++;
        return i;
    }

    private int ReadWord(string text, int i, int end)
    {
        var start = i;
        while (i < end && char.IsLetter(text[i])) i++;
        tokens.Add(new WordToken(start, i, TokenKind.Word));
        return i;
    }

    // Reads "1,400,000", "1.4", "2024" and "1 400 000" (thin or no-break spaces only: an ordinary space between
    // digit groups is as often two numbers). The value is computed while scanning, without parsing a substring.
    private int ReadNumber(string text, int i, int end)
    {
        var start = i;
        double value = 0;
        var plain = true;
        while (true)
        {
            while (i < end && char.IsAsciiDigit(text[i])) value = value * 10 + (text[i++] - '0');
            if (i < end && IsGroupSeparator(text[i]) && IsThreeDigitGroup(text, i + 1, end))
            {
                plain = false;
                i++;
                continue;
            }
            break;
        }
        if (i + 1 < end && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            plain = false;
            i++;
            var scale = 0.1;
            while (i < end && char.IsAsciiDigit(text[i]))
            {
                value += (text[i++] - '0') * scale;
                scale /= 10;
            }
        }
        tokens.Add(new WordToken(start, i, TokenKind.Number, value, plain));
        return i;
    }

    private static bool IsGroupSeparator(char c) => c is ',' or '\u00A0' or '\u202F' or '\u2009';

    private static bool IsThreeDigitGroup(string text, int i, int end) =>
        i + 2 < end && char.IsAsciiDigit(text[i]) && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2])
        && (i + 3 >= end || !char.IsAsciiDigit(text[i + 3]));
}
