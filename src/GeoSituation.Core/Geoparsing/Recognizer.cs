using GeoSituation.Core.Gazetteer;

namespace GeoSituation.Core.Geoparsing;

/// <summary>Decides whether a gazetteer match is a place mention: "Rafah" yes, "John Kirby", "March", "Mobile app" no.</summary>
/// <remarks>
/// The evidence is in <see cref="RecognitionFeatures"/>; its weights are learned from annotated news
/// (<see cref="RecognizerModel"/>, trained by `geosituation train-recognizer`). People are found here first,
/// because a run of capitalised words that starts with a given name or follows a title is a person.
/// </remarks>
internal sealed class Recognizer(Gazetteer.Gazetteer gazetteer, RecognizerModel model)
{
    /// <summary>Sets <see cref="Candidate.Recognition"/> to the model's probability that the match is a place.</summary>
    public void Score(string text, List<Token> tokens, string[] lower, bool[] people, List<Candidate> candidates, int index, HashSet<string> capitalisedKeys)
    {
        var c = candidates[index];
        if (c.Stop)
        {
            c.Recognition = 0;
            return;
        }
        Span<double> features = stackalloc double[RecognitionFeatures.Count];
        RecognitionFeatures.Compute(gazetteer, text, tokens, lower, people, candidates, index, capitalisedKeys, features);
        c.Recognition = model.Probability(features);
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
