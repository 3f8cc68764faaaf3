using GeoSituation.Core.Gazetteer;

namespace GeoSituation.Core.Geoparsing;

/// <summary>Decisions the learned model cannot make well because annotated news rarely shows them.</summary>
/// <remarks>
/// Applied after the model: a name inside a disease's name ("West Nile virus") or a currency ("US$") is not a
/// place; a capitalised demonym names its country ("Qatari", "Egyptian President", also
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
            if (NamesSomethingElse(text, tokens, c))
            {
                Set(c, false, threshold);
                continue;
            }
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

    private static readonly HashSet<string> DiseaseWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "virus", "viruses", "ebolavirus", "fever", "flu", "influenza", "disease", "encephalitis", "syndrome",
    };

    /// <summary>A place name inside a disease's name ("West Nile virus", "Reston ebolavirus", "Lassa fever") or a
    /// currency ("US$5") names the disease or the money, not the place.</summary>
    private static bool NamesSomethingElse(string text, List<Token> tokens, Candidate c)
    {
        if (c.End < text.Length && text[c.End] == '$') return true;
        if (c.LastToken + 1 >= tokens.Count || tokens[c.LastToken + 1].Before != Separator.Space) return false;
        var next = tokens[c.LastToken + 1];
        return DiseaseWords.Contains(text.AsSpan(next.Start, next.Length).ToString());
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
