using GeoSituation.Core.Extraction;

namespace GeoSituation.Core.Numbers;

/// <summary>The vocabulary of written numbers: units, tens, scales and the vague magnitudes.</summary>
internal static class NumberWords
{
    public static readonly WordMap<int> Units = new(new Dictionary<string, int>
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13,
        ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
    });

    public static readonly WordMap<int> Tens = new(new Dictionary<string, int>
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70,
        ["eighty"] = 80, ["ninety"] = 90,
    });

    /// <summary>Scale words written apart from the number ("1.4 million", "two thousand").</summary>
    public static readonly WordMap<double> Scales = new(new Dictionary<string, double>
    {
        ["hundred"] = 1e2, ["thousand"] = 1e3, ["million"] = 1e6, ["billion"] = 1e9,
        ["mn"] = 1e6, ["mln"] = 1e6, ["bn"] = 1e9,
    });

    /// <summary>Abbreviated scales only trusted glued to digits ("1.4m", "300k"): apart, "m" is as often metres.</summary>
    public static readonly WordMap<double> GluedScales = new(new Dictionary<string, double>
    {
        ["k"] = 1e3, ["m"] = 1e6, ["mn"] = 1e6, ["mln"] = 1e6, ["bn"] = 1e9, ["million"] = 1e6, ["thousand"] = 1e3,
    });

    /// <summary>
    /// Plural magnitudes and the fixed low bound each stands for. As ACLED codes vague counts, "dozens" is 12 and
    /// "hundreds" 100; "tens (of thousands)" is 20 (of them), the smallest number the plural allows.
    /// </summary>
    public static readonly WordMap<double> VaguePlurals = new(new Dictionary<string, double>
    {
        ["dozens"] = 12, ["scores"] = 20, ["hundreds"] = 100, ["thousands"] = 1e3, ["millions"] = 1e6,
    });

    /// <summary>Vague multipliers of a scale word ("several thousand", "a few hundred") and their low bounds.</summary>
    public static readonly WordMap<double> VagueMultipliers = new(new Dictionary<string, double>
    {
        ["several"] = 3, ["few"] = 2, ["couple"] = 2, ["many"] = 2,
    });

    /// <summary>Fraction words and their denominators ("three quarters", "a third").</summary>
    public static readonly WordMap<double> Fractions = new(new Dictionary<string, double>
    {
        ["half"] = 2, ["halves"] = 2, ["third"] = 3, ["thirds"] = 3, ["quarter"] = 4, ["quarters"] = 4, ["fifth"] = 5, ["fifths"] = 5,
        ["tenth"] = 10, ["tenths"] = 10,
    });

    public static readonly WordSet OrdinalSuffixes = new("st", "nd", "rd", "th");

    public static readonly WordSet PercentWords = new("percent", "pct", "percentage");

    /// <summary>Words that can start a number expression; anything else is skipped without parsing.</summary>
    public static readonly WordSet StartWords = new(
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
        "sixty", "seventy", "eighty", "ninety", "a", "an", "half", "between", "tens", "dozens", "scores", "hundreds",
        "thousands", "millions", "several", "few", "couple", "many",
        "as", "in", "no", "just", "some", "up", "more", "at", "close", "well", "upwards", "less", "fewer",
        "approximately", "approx", "around", "roughly", "estimated", "circa", "about", "nearly", "almost", "over",
        "above", "under");
}
