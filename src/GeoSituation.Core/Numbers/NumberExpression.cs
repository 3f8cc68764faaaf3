namespace GeoSituation.Core.Numbers;

/// <summary>A quantity written in text: "approximately 1.4 million", "between 1.5 and 1.7 million", "tens of thousands".</summary>
/// <param name="FirstToken">Index of the first token (the qualifier when there is one).</param>
/// <param name="EndToken">Index just past the last token.</param>
/// <param name="CoreToken">Index of the first token after the qualifier (== FirstToken when there is none).</param>
/// <param name="Value">The single best value: the number, a range's lower end, or a vague phrase's fixed bound.</param>
/// <param name="Low">Lower bound; null when the text only caps the number ("up to", "nearly").</param>
/// <param name="High">Upper bound; null when the text only floors the number ("more than", "tens of thousands").</param>
/// <param name="Qualifier">Normalised qualifier (see <see cref="Qualifiers"/>), null when none.</param>
/// <param name="IsVague">Written as a magnitude ("dozens", "tens of thousands") rather than a number.</param>
/// <param name="Percent">For "85 percent": 85 and <see cref="Value"/> 0; null for counts.</param>
/// <param name="IsYearLike">Four bare digits from 1900 to 2100 ("2024"): a year unless a noun says otherwise.</param>
internal readonly record struct NumberExpression(
    int FirstToken,
    int EndToken,
    int CoreToken,
    long Value,
    long? Low,
    long? High,
    string? Qualifier,
    bool IsVague,
    double? Percent,
    bool IsYearLike);
