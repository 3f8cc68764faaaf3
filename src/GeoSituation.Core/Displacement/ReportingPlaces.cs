using GeoSituation.Core.Extraction;

namespace GeoSituation.Core.Displacement;

/// <summary>Places that say where a statement was made, not where people went or came from.</summary>
/// <remarks>
/// "20,000 people fled south to Rafah, the UN said from Cairo": Cairo is where the UN spoke. Read with the
/// ordinary prepositions it would be an origin ("from Cairo") or, for "told reporters in Geneva", a place where
/// people are. Two shapes mark such a place: a reporting verb before "from X" ("said from Cairo",
/// "speaking by phone from Amman"), and a reporting verb and its audience before "in X" / "at X" ("told reporters
/// in Geneva", "said on Tuesday in Cairo"). Datelines ("CAIRO (Reuters) -") are the third, kept apart for displacement
/// and events alike by <see cref="Datelines"/>.
/// </remarks>
internal static class ReportingPlaces
{
    private static readonly WordSet ReportingVerbs = new(
        "said", "says", "say", "told", "tells", "tell", "speaking", "spoke", "speaks", "reported", "reporting", "reports",
        "briefed", "briefing", "announced", "stated", "added", "warned", "explained", "commented", "wrote", "writing",
        "declared", "noted", "confirmed", "tweeted", "posted");

    // "said by phone from Amman", "speaking via video link from Geneva", "said in a statement from Cairo".
    private static readonly WordSet HowSpoken = new(
        "by", "phone", "telephone", "video", "link", "via", "live", "remotely", "over", "in", "a", "an", "the", "statement",
        "on", "call", "message");

    // "told reporters in Geneva", "told a news conference in Cairo", "said on Tuesday at a briefing in Amman".
    private static readonly WordSet Audience = new(
        "reporters", "journalists", "correspondents", "press", "media", "news", "conference", "briefing", "a", "an", "the",
        "on", "at", "in", "later", "earlier", "yesterday", "today", "council", "meeting", "session", "interview",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    // Verbs whose object is the audience, so a name may stand between them and the place: "told Reuters in Cairo".
    // Not "said": in "officials said Palestinians in Rafah ..." the name starts what was said.
    private static readonly WordSet AddressingVerbs = new("told", "tells", "tell", "briefed");

    private const int MaxGap = 5;

    /// <summary>True when the toponym at tokens [<paramref name="first"/>, <paramref name="end"/>) is where a statement was made.</summary>
    public static bool IsReportingPlace(SentenceTokens tokens, int first, int end) =>
        AfterReportingFrom(tokens, first) || AfterReportingIn(tokens, first);

    private static bool AfterReportingFrom(SentenceTokens tokens, int first)
    {
        if (!tokens.Is(first - 1, "from")) return false;
        for (int k = first - 2, gap = 0; k >= 0 && gap <= MaxGap; k--, gap++)
        {
            if (tokens.In(k, ReportingVerbs)) return true;
            if (!tokens.In(k, HowSpoken)) return false;
        }
        return false;
    }

    private static bool AfterReportingIn(SentenceTokens tokens, int first)
    {
        var preposition = first - 1;
        if (tokens.Is(preposition, "the")) preposition--;
        if (!tokens.Is(preposition, "in") && !tokens.Is(preposition, "at")) return false;
        var named = false;
        for (int k = preposition - 1, gap = 0; k >= 0 && gap <= MaxGap; k--, gap++)
        {
            if (tokens.In(k, ReportingVerbs)) return !named || tokens.In(k, AddressingVerbs);
            if (tokens.In(k, Audience)) continue;
            if (!tokens.IsCapitalised(k)) return false;
            named = true;
        }
        return false;
    }
}
