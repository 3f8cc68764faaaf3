namespace GeoSituation.Core.Geoparsing;

/// <summary>What separates a token from the one before it; decides whether two tokens can form one name.</summary>
internal enum Separator : byte
{
    /// <summary>Nothing: the second half of a glued word ("younis|One").</summary>
    Glued,
    Space,
    /// <summary>Hyphen or apostrophe with no space ("Khan-Yunis", "Sana'a"): part of a name.</summary>
    Joiner,
    Comma,
    /// <summary>A line break: datelines and headlines end there.</summary>
    LineBreak,
    /// <summary>Any other punctuation (full stop, quote, bracket, dash with spaces...).</summary>
    Punctuation,
}

/// <summary>A word of the text: a run of letters and digits, or an initialism such as "U.S.".</summary>
internal readonly record struct Token(int Start, int End, Separator Before, bool SentenceStart, bool LineStart)
{
    public int Length => End - Start;
}
