using GeoSituation.Core.Extraction;

namespace GeoSituation.Core.Numbers;

/// <summary>Words before a number that say how exact it is, normalised to a small fixed vocabulary.</summary>
/// <remarks>
/// Normalised values: approximately, about, some, nearly, up to, more than, at least, over (the contract's
/// list) and "less than" for "fewer than" / "under", which none of those means. Synonyms map to the closest
/// one ("around" and "an estimated" are approximately, "as many as" is up to, "almost" is nearly).
/// </remarks>
internal static class Qualifiers
{
    /// <summary>How a qualifier bounds its number.</summary>
    public enum Bound
    {
        /// <summary>About the number: Low = High = the number.</summary>
        Around,
        /// <summary>At most the number ("up to", "nearly"): High = the number, Low unknown.</summary>
        AtMost,
        /// <summary>At least the number ("more than", "over"): Low = the number, High unknown.</summary>
        AtLeast,
    }

    // Longest phrases first so "more than" wins over a bare "more", and "just over" over "over".
    private static readonly (string[] Words, string Normalised, Bound Bound)[] Phrases =
    [
        (["as", "many", "as"], "up to", Bound.AtMost),
        (["as", "much", "as"], "up to", Bound.AtMost),
        (["in", "excess", "of"], "more than", Bound.AtLeast),
        (["no", "fewer", "than"], "at least", Bound.AtLeast),
        (["no", "less", "than"], "at least", Bound.AtLeast),
        (["a", "minimum", "of"], "at least", Bound.AtLeast),
        (["just", "shy", "of"], "nearly", Bound.AtMost),
        (["an", "estimated"], "approximately", Bound.Around),
        (["some", "estimated"], "approximately", Bound.Around),
        (["up", "to"], "up to", Bound.AtMost),
        (["more", "than"], "more than", Bound.AtLeast),
        (["at", "least"], "at least", Bound.AtLeast),
        (["close", "to"], "nearly", Bound.AtMost),
        (["just", "under"], "nearly", Bound.AtMost),
        (["just", "over"], "over", Bound.AtLeast),
        (["well", "over"], "over", Bound.AtLeast),
        (["upwards", "of"], "more than", Bound.AtLeast),
        (["less", "than"], "less than", Bound.AtMost),
        (["fewer", "than"], "less than", Bound.AtMost),
        (["approximately"], "approximately", Bound.Around),
        (["approx"], "approximately", Bound.Around),
        (["around"], "approximately", Bound.Around),
        (["roughly"], "approximately", Bound.Around),
        (["estimated"], "approximately", Bound.Around),
        (["circa"], "approximately", Bound.Around),
        (["about"], "about", Bound.Around),
        (["some"], "some", Bound.Around),
        (["nearly"], "nearly", Bound.AtMost),
        (["almost"], "nearly", Bound.AtMost),
        (["over"], "over", Bound.AtLeast),
        (["above"], "over", Bound.AtLeast),
        (["under"], "less than", Bound.AtMost),
    ];

    private static readonly WordSet FirstWords = new(Phrases.Select(p => p.Words[0]).Distinct().ToArray());

    /// <summary>Matches a qualifier at <paramref name="index"/>; returns the index after it, or -1.</summary>
    public static int Match(SentenceTokens tokens, int index, out string? normalised, out Bound bound)
    {
        normalised = null;
        bound = Bound.Around;
        if (!tokens.In(index, FirstWords)) return -1;
        foreach (var (words, norm, b) in Phrases)
        {
            var k = 0;
            while (k < words.Length && tokens.Is(index + k, words[k])) k++;
            if (k == words.Length)
            {
                normalised = norm;
                bound = b;
                return index + k;
            }
        }
        return -1;
    }

    public static Bound BoundOf(string? normalised) => normalised switch
    {
        "up to" or "nearly" or "less than" => Bound.AtMost,
        "more than" or "over" or "at least" => Bound.AtLeast,
        _ => Bound.Around,
    };
}
