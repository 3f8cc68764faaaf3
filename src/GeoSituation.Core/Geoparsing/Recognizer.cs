using GeoSituation.Core.Gazetteer;

namespace GeoSituation.Core.Geoparsing;

/// <summary>Decides whether a gazetteer match is a place mention: "Rafah" yes, "John Kirby", "March", "Mobile app" no.</summary>
/// <remarks>
/// Evidence adds up as log-odds: how the word is written (capitalised, lower case, all caps, at a sentence start),
/// what else the word is in English (a given name, an ordinary word, a month), what is around it (a title or
/// given name before it means a person; "in", "near", "from" before it or ", Texas" after it means a place), and
/// how notable the places of that name are.
/// </remarks>
internal sealed class Recognizer(Gazetteer.Gazetteer gazetteer)
{
    public void Score(string text, List<Token> tokens, string[] lower, bool[] personTokens, Candidate c, Candidate? next)
    {
        if (c.Stop)
        {
            c.Recognition = -20;
            return;
        }
        var first = tokens[c.FirstToken];
        var surface = text.AsSpan(c.Start, c.End - c.Start);
        var words = c.LastToken - c.FirstToken + 1;
        var score = 0.0;

        c.OnlyDemonym = c.Hits.All(h => h.Source == NameSource.Demonym);
        var best = BestImportance(c);
        var casing = Casing(surface);
        score += casing switch
        {
            WordCasing.Title => 2.0,
            WordCasing.AllCaps when surface.Length <= 3 => best >= 3 && c.Hits.Any(h => h.Source is NameSource.Primary or NameSource.Alias) ? 2.0 : -4,
            WordCasing.AllCaps => first.LineStart ? 2.5 : 1.0,
            // "usa This Tuesday": a lower-case country at the head of a line is a dateline.
            WordCasing.Lower when first.LineStart && best >= 4 => 1.0,
            WordCasing.Lower => -7,
            _ => 0.5,
        };

        // Notability of the best reading: a country or state name is a place far more often than a hamlet's name.
        score += best switch
        {
            >= 4 => 2.5,
            >= 3 => 1.5,
            >= 2 => 1.0,
            >= 1 => 0,
            _ => -1.0,
        };
        if (c.Hits.All(h => h.Source == NameSource.Alternate)) score -= 1.5;
        if (words > 1) score += 1.0;
        if (c.Fuzzy) score -= 1.5;

        if (words == 1)
        {
            var w = lower[c.FirstToken];
            var cls = gazetteer.WordClassOf(w);
            if (ContextWords.Calendar.Contains(w) || (cls & (WordClass.Month | WordClass.Weekday)) != 0) score -= 8;
            // An ordinary word ("National", "West", "Union") needs more evidence the less notable the place is.
            if ((cls & WordClass.Common) != 0) score -= (best >= 3 ? 0 : best >= 2 ? 1.5 : 3.0) + (first.SentenceStart ? 1.5 : 0);
            else if ((cls & WordClass.Dictionary) != 0) score -= best >= 2 ? 0 : 1.5;
            if ((cls & (WordClass.GivenName | WordClass.Surname | WordClass.Person)) != 0) score -= best >= 3 ? 0 : best >= 2 ? 1.5 : 3.0;
            if ((cls & WordClass.Organization) != 0) score -= 3;
            if (first.SentenceStart && best < 2) score -= 1.0;
        }
        for (var k = c.FirstToken; k <= c.LastToken; k++)
        {
            if (personTokens[k])
            {
                score -= 7;
                break;
            }
        }

        // What comes before.
        if (c.FirstToken > 0 && first.Before is Separator.Space)
        {
            var prev = lower[c.FirstToken - 1];
            if (ContextWords.Locative.Contains(prev)) score += 2.0;
            else if (prev is "of" or "the") score += 0.5;
            if (ContextWords.PersonTitles.Contains(prev)) score -= 5;
        }
        else if (c.FirstToken > 0 && first.Before == Separator.Joiner && lower[c.FirstToken - 1] is "pro" or "anti")
        {
            score += 1.0; // "pro-Iranian"
        }

        // What comes after: "Iran-backed", a qualifier ", Texas", a person's surname.
        if (c.LastToken + 1 < tokens.Count)
        {
            var following = tokens[c.LastToken + 1];
            var nextWord = lower[c.LastToken + 1];
            if (following.Before == Separator.Joiner && nextWord is "backed" or "based" or "born" or "led" or "allied" or "supported") score += 2.0;
            if (following.Before == Separator.Space && ContextWords.PlaceTypeWords.Contains(nextWord)) score += 0.5;
        }
        // "Mobile, Ala.": a state or country right after a comma qualifies the name as a place.
        if (next is { Stop: false } && next.FirstToken == c.LastToken + 1 && tokens[next.FirstToken].Before == Separator.Comma
            && next.Hits.Any(h => gazetteer.Entries[h.Entry] is { Kind: PlaceKind.Country } or { FeatureCode: "ADM1" }))
            score += 2.5;
        c.Recognition = score;
    }

    /// <summary>Marks runs of capitalised words that are people: a given name or a title followed by more names.</summary>
    public bool[] FindPeople(string text, List<Token> tokens, string[] lower, List<Candidate> candidates)
    {
        var person = new bool[tokens.Count];
        // Multi-word place names that start like a person ("Sierra Leone", "Jackson County") are not people.
        var placeEnd = new int[tokens.Count];
        Array.Fill(placeEnd, -1);
        foreach (var c in candidates)
        {
            if (c.LastToken > c.FirstToken && !c.Stop) placeEnd[c.FirstToken] = c.LastToken;
        }
        var i = 0;
        while (i < tokens.Count)
        {
            if (!IsCapitalised(text, tokens[i]))
            {
                i++;
                continue;
            }
            // The run of capitalised words (and name particles) starting here.
            var end = i;
            while (end + 1 < tokens.Count && tokens[end + 1].Before is Separator.Space or Separator.Joiner
                   && (IsCapitalised(text, tokens[end + 1]) || (ContextWords.NameParticles.Contains(lower[end + 1]) && end + 2 < tokens.Count && IsCapitalised(text, tokens[end + 2]))))
                end++;
            if (!ContextWords.PlaceTypeWords.Contains(lower[end]))
            {
                for (var k = i; k <= end; k++)
                {
                    if (placeEnd[k] >= 0)
                    {
                        k = placeEnd[k];
                        continue;
                    }
                    if (!StartsPerson(tokens, lower, k, end)) continue;
                    for (var m = k; m <= end; m++) person[m] = true;
                    break;
                }
            }
            i = end + 1;
        }
        return person;
    }

    // A person starts at a given name followed by another name ("John Kirby"), or right after a title
    // ("President Sisi", "Egyptian President Abdel Fattah el Sisi": from Abdel on).
    private bool StartsPerson(List<Token> tokens, string[] lower, int k, int runEnd)
    {
        if (IsNotablePlace(lower[k])) return false;
        var afterTitle = k > 0 && tokens[k].Before == Separator.Space && ContextWords.PersonTitles.Contains(lower[k - 1]);
        if (afterTitle) return true;
        var given = (gazetteer.WordClassOf(lower[k]) & WordClass.GivenName) != 0;
        return given && k < runEnd;
    }

    private bool IsNotablePlace(string lowerWord)
    {
        foreach (var h in gazetteer.Index.Lookup(NameNormalizer.Normalize(lowerWord)))
        {
            if (h.Source != NameSource.Alternate && Importance(gazetteer.Entries[h.Entry]) >= 3) return true;
        }
        return false;
    }

    private double BestImportance(Candidate c)
    {
        var best = 0.0;
        foreach (var h in c.Hits) best = Math.Max(best, Importance(gazetteer.Entries[h.Entry]));
        return best;
    }

    /// <summary>0 hamlet .. 4 country: how likely a bare mention of this entry's name is the place.</summary>
    public static double Importance(GazetteerEntry e) => e.Kind switch
    {
        PlaceKind.Country => 4,
        PlaceKind.Region => 3.5,
        PlaceKind.AdminArea when e.FeatureCode == "ADM1" || e.PCode is not null => 3,
        PlaceKind.AdminArea => 1.5,
        _ => e.FeatureCode == "PPLC" ? 3.5 : e.Population switch
        {
            >= 1_000_000 => 3,
            >= 100_000 => 2,
            >= 20_000 => 1,
            _ => 0.5,
        },
    };

    internal static bool IsCapitalised(string text, Token t) => char.IsUpper(text[t.Start]);

    internal enum WordCasing { Title, AllCaps, Lower, Mixed }

    internal static WordCasing Casing(ReadOnlySpan<char> s)
    {
        var upper = 0;
        var lowerCount = 0;
        foreach (var ch in s)
        {
            if (char.IsUpper(ch)) upper++;
            else if (char.IsLower(ch)) lowerCount++;
        }
        if (upper == 0) return lowerCount > 0 ? WordCasing.Lower : WordCasing.Mixed;
        if (lowerCount == 0) return WordCasing.AllCaps;
        return char.IsUpper(s[0]) ? WordCasing.Title : WordCasing.Mixed;
    }
}
