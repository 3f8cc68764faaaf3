namespace GeoSituation.Core.Extraction;

internal enum TokenKind : byte
{
    /// <summary>A run of letters ("Rafah", "RefaTo", "m" in "1.4m").</summary>
    Word,
    /// <summary>Digits with their thousands separators and decimals ("1,400,000", "1.4").</summary>
    Number,
    /// <summary>Any other single character that is not white space ("-", "%", "’", ",").</summary>
    Symbol,
}

/// <summary>One token of a sentence, as offsets into the article text (no substring is allocated).</summary>
/// <param name="Value">The numeric value of a <see cref="TokenKind.Number"/> token.</param>
/// <param name="Plain">For a number: written as bare digits with no separator or decimal ("2024", not "2,024").</param>
internal readonly record struct WordToken(int Start, int End, TokenKind Kind, double Value = 0, bool Plain = false)
{
    public int Length => End - Start;
}
