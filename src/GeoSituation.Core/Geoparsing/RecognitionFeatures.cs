using GeoSituation.Core.Gazetteer;

namespace GeoSituation.Core.Geoparsing;

/// <summary>The evidence about one gazetteer match that decides whether it is a place mention.</summary>
/// <remarks>
/// How the name is written, what else the word is in English, what is around it, and how notable the places of
/// that name are. Each feature is 0/1 or scaled to about 0..1; a logistic model (<see cref="RecognizerModel"/>)
/// weighs them. Features use only the text and the gazetteer, never other decisions, so one pass computes them.
/// </remarks>
public static class RecognitionFeatures
{
    public static readonly string[] Names =
    [
        "bias",
        "title-case", "all-caps-long", "all-caps-short", "lower-case", "mixed-case", "lower-dateline-country",
        "sentence-start", "line-start",
        "has-country", "has-region", "has-adm1", "has-adm2", "has-governorate", "has-capital", "biggest-city-log-pop", "best-importance",
        "only-alternate-names", "has-primary-name", "has-alias", "only-demonym",
        "multi-word", "short-surface", "log-readings",
        "common-word", "dictionary-word", "given-name", "surname", "known-person", "organisation-word", "calendar-word",
        "common-and-notable", "common-at-sentence-start", "given-and-notable",
        "in-person-run",
        "after-locative", "after-of", "after-the", "after-title", "after-capitalised-word", "after-directional", "after-pro-anti",
        "before-backed", "before-place-type", "before-capitalised-word", "before-comma-state-or-country", "after-comma-place",
        "fuzzy", "repeated-capitalised", "capitalised-word-run-length",
    ];

    public static int Count => Names.Length;

    internal static void Compute(
        Gazetteer.Gazetteer gazetteer, string text, List<Token> tokens, string[] lower, bool[] people,
        List<Candidate> candidates, int index, HashSet<string> capitalisedKeys, Span<double> f)
    {
        f.Clear();
        var c = candidates[index];
        var entries = gazetteer.Entries;
        var first = tokens[c.FirstToken];
        var surface = text.AsSpan(c.Start, c.End - c.Start);
        var casing = Recognizer.Casing(surface);
        var words = c.LastToken - c.FirstToken + 1;
        var i = 0;
        f[i++] = 1;

        f[i++] = casing == Recognizer.WordCasing.Title ? 1 : 0;
        f[i++] = casing == Recognizer.WordCasing.AllCaps && surface.Length > 3 ? 1 : 0;
        f[i++] = casing == Recognizer.WordCasing.AllCaps && surface.Length <= 3 ? 1 : 0;
        f[i++] = casing == Recognizer.WordCasing.Lower ? 1 : 0;
        f[i++] = casing == Recognizer.WordCasing.Mixed ? 1 : 0;
        var hasCountry = c.Hits.Any(h => entries[h.Entry].Kind == PlaceKind.Country);
        f[i++] = casing == Recognizer.WordCasing.Lower && first.LineStart && hasCountry ? 1 : 0;
        f[i++] = first.SentenceStart ? 1 : 0;
        f[i++] = first.LineStart ? 1 : 0;

        var common = false;
        var cls = WordClass.None;
        // "US" is not the pronoun "us": short all-caps words are initialisms, not lexicon words.
        if (words == 1 && !(casing == Recognizer.WordCasing.AllCaps && surface.Length <= 3))
        {
            cls = gazetteer.WordClassOf(lower[c.FirstToken]);
            common = (cls & WordClass.Common) != 0;
        }
        // Generic admin names ("North", "Central", "Western") are ordinary words first: they do not make it notable.
        var bigCity = 0L;
        var best = 0.0;
        bool region = false, adm1 = false, adm2 = false, governorate = false, capital = false;
        foreach (var h in c.Hits)
        {
            var e = entries[h.Entry];
            if (common && e.Kind == PlaceKind.AdminArea) continue;
            best = Math.Max(best, Recognizer.Importance(e));
            region |= e.Kind == PlaceKind.Region;
            adm1 |= e.FeatureCode == "ADM1";
            adm2 |= e.FeatureCode == "ADM2" && e.PCode is null;
            governorate |= e.PCode is not null;
            capital |= e.FeatureCode == "PPLC";
            if (e.Kind == PlaceKind.City) bigCity = Math.Max(bigCity, e.Population);
        }
        f[i++] = hasCountry ? 1 : 0;
        f[i++] = region ? 1 : 0;
        f[i++] = adm1 ? 1 : 0;
        f[i++] = adm2 ? 1 : 0;
        f[i++] = governorate ? 1 : 0;
        f[i++] = capital ? 1 : 0;
        f[i++] = bigCity > 0 ? Math.Log10(bigCity) / 7 : 0;
        f[i++] = best / 4;

        f[i++] = c.Hits.All(h => h.Source == NameSource.Alternate) ? 1 : 0;
        f[i++] = c.Hits.Any(h => h.Source == NameSource.Primary) ? 1 : 0;
        f[i++] = c.Hits.Any(h => h.Source == NameSource.Alias) ? 1 : 0;
        f[i++] = c.Hits.All(h => h.Source == NameSource.Demonym) ? 1 : 0;

        f[i++] = words > 1 ? 1 : 0;
        f[i++] = surface.Length <= 3 ? 1 : 0;
        f[i++] = Math.Log(1 + c.Hits.Length) / 5;

        var calendar = words == 1 && (ContextWords.Calendar.Contains(lower[c.FirstToken]) || (cls & (WordClass.Month | WordClass.Weekday)) != 0);
        var given = (cls & WordClass.GivenName) != 0;
        f[i++] = common ? 1 : 0;
        f[i++] = (cls & WordClass.Dictionary) != 0 && !common ? 1 : 0;
        f[i++] = given ? 1 : 0;
        f[i++] = (cls & WordClass.Surname) != 0 ? 1 : 0;
        f[i++] = (cls & WordClass.Person) != 0 ? 1 : 0;
        f[i++] = (cls & WordClass.Organization) != 0 ? 1 : 0;
        f[i++] = calendar ? 1 : 0;
        f[i++] = common && best >= 3 ? 1 : 0;
        f[i++] = common && first.SentenceStart ? 1 : 0;
        f[i++] = given && best >= 3 ? 1 : 0;

        var inPerson = false;
        for (var k = c.FirstToken; k <= c.LastToken; k++) inPerson |= people[k];
        f[i++] = inPerson ? 1 : 0;

        var prevWord = c.FirstToken > 0 && first.Before == Separator.Space ? lower[c.FirstToken - 1] : null;
        f[i++] = prevWord is not null && ContextWords.Locative.Contains(prevWord) ? 1 : 0;
        f[i++] = prevWord == "of" ? 1 : 0;
        f[i++] = prevWord == "the" ? 1 : 0;
        f[i++] = prevWord is not null && ContextWords.PersonTitles.Contains(prevWord) ? 1 : 0;
        f[i++] = prevWord is not null && !first.SentenceStart && Recognizer.IsCapitalised(text, tokens[c.FirstToken - 1]) && !tokens[c.FirstToken - 1].SentenceStart ? 1 : 0;
        f[i++] = prevWord is not null && ContextWords.Directional.Contains(prevWord) ? 1 : 0;
        f[i++] = c.FirstToken > 0 && first.Before == Separator.Joiner && lower[c.FirstToken - 1] is "pro" or "anti" ? 1 : 0;

        var hasNext = c.LastToken + 1 < tokens.Count;
        var following = hasNext ? tokens[c.LastToken + 1] : default;
        var nextWord = hasNext ? lower[c.LastToken + 1] : "";
        f[i++] = hasNext && following.Before == Separator.Joiner && nextWord is "backed" or "based" or "born" or "led" or "allied" or "supported" ? 1 : 0;
        f[i++] = hasNext && following.Before == Separator.Space && ContextWords.PlaceTypeWords.Contains(nextWord) ? 1 : 0;
        f[i++] = hasNext && following.Before == Separator.Space && Recognizer.IsCapitalised(text, following) ? 1 : 0;
        var next = index + 1 < candidates.Count ? candidates[index + 1] : null;
        f[i++] = next is { Stop: false } && next.FirstToken == c.LastToken + 1 && tokens[next.FirstToken].Before == Separator.Comma
                 && next.Hits.Any(h => entries[h.Entry] is { Kind: PlaceKind.Country } or { FeatureCode: "ADM1" }) ? 1 : 0;
        var previous = index > 0 ? candidates[index - 1] : null;
        f[i++] = previous is { Stop: false } && previous.LastToken + 1 == c.FirstToken && first.Before == Separator.Comma ? 1 : 0;

        f[i++] = c.Fuzzy ? 1 : 0;
        f[i++] = casing != Recognizer.WordCasing.Title && capitalisedKeys.Contains(c.Key) ? 1 : 0;
        // Only a run of up to 4 counts, so the scan stops there: a text of nothing but capitalised words would
        // otherwise cost a scan of the whole run for every match in it (quadratic: 256 KB of "Rafah Rafah ..." took 11 s).
        const int longRun = 4;
        var run = 0;
        for (var k = c.FirstToken - 1; run < longRun && k >= 0 && tokens[k + 1].Before == Separator.Space && Recognizer.IsCapitalised(text, tokens[k]); k--) run++;
        for (var k = c.LastToken + 1; run < longRun && k < tokens.Count && tokens[k].Before == Separator.Space && Recognizer.IsCapitalised(text, tokens[k]); k++) run++;
        f[i++] = (double)run / longRun;
    }
}
