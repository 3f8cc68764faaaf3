using GeoSituation.Core.Gazetteer;

namespace GeoSituation.Core.Geoparsing;

/// <summary>Decisions the learned model cannot make well because annotated news rarely shows them.</summary>
/// <remarks>
/// Applied after the model: a capitalised demonym names its country ("Qatari", "Egyptian President", also
/// inside an organisation's name, as annotated news marks "American" in "American Farm Bureau"); a lower-case
/// repeat of a place the article capitalises elsewhere is that place ("khan younis"); a lower-case country at the
/// head of a line is a dateline ("usa This Tuesday").
/// </remarks>
internal static class RecognitionRules
{
    public static void Apply(Gazetteer.Gazetteer gazetteer, string text, List<Token> tokens, bool[] people, List<Candidate> candidates, double threshold)
    {
        // Places the article names in capitals, by entry: "khan younis" repeats "Khan Yunis" under another spelling.
        var capitalisedPlaces = candidates
            .Where(c => c.Accepted && Recognizer.Casing(text.AsSpan(c.Start, c.End - c.Start)) == Recognizer.WordCasing.Title)
            .SelectMany(c => c.Hits.Where(h => h.Source != NameSource.Alternate).Select(h => h.Entry)).ToHashSet();
        foreach (var c in candidates)
        {
            if (c.Stop) continue;
            var casing = Recognizer.Casing(text.AsSpan(c.Start, c.End - c.Start));
            var inPerson = false;
            for (var k = c.FirstToken; k <= c.LastToken; k++) inPerson |= people[k];
            if (inPerson) continue;
            if (casing == Recognizer.WordCasing.Title && c.Hits.All(h => h.Source == NameSource.Demonym))
            {
                Set(c, true, threshold);
            }
            else if (casing == Recognizer.WordCasing.Lower && c.Key.Length >= 5 && c.Hits.Any(h => capitalisedPlaces.Contains(h.Entry)))
            {
                Set(c, true, threshold);
            }
            else if (casing == Recognizer.WordCasing.Lower && tokens[c.FirstToken].LineStart && c.LastToken + 1 < tokens.Count
                     && Recognizer.IsCapitalised(text, tokens[c.LastToken + 1])
                     && c.Hits.Any(h => h.Source != NameSource.Alternate && gazetteer.Entries[h.Entry].Kind == PlaceKind.Country))
            {
                Set(c, true, threshold);
            }
        }
    }

    /// <summary>A misspelling of a place the article names ("Refa" for Rafah) is that place: too rare to learn.</summary>
    public static void AcceptInArticleMisspelling(Candidate c, double threshold) => Set(c, true, threshold);

    // Keep the model's probability as the confidence when it agrees; otherwise move it just across the threshold.
    private static void Set(Candidate c, bool accept, double threshold)
    {
        c.Accepted = accept;
        if (accept && c.Recognition < threshold) c.Recognition = Math.Min(0.95, threshold + 0.1);
        if (!accept && c.Recognition >= threshold) c.Recognition = threshold * 0.5;
    }
}
