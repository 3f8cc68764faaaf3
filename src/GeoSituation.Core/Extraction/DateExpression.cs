namespace GeoSituation.Core.Extraction;

/// <summary>A date written in a sentence and resolved against the article's publication date.</summary>
/// <param name="Date">The day; for a week or month, its first or the publication day within it.</param>
/// <param name="Precision">ACLED time precision: 1 = the day, 2 = the week, 3 = the month.</param>
/// <param name="FirstToken">Index of the first token of the expression.</param>
/// <param name="EndToken">Index just past the expression.</param>
/// <param name="IsPeriodStart">Written as the start of a period ("since 7 October"): not an as-of date.</param>
internal readonly record struct DateExpression(DateOnly Date, int Precision, int FirstToken, int EndToken, bool IsPeriodStart);
