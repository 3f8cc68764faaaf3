using System.Globalization;
using System.Text;

namespace GeoSituation.Core.Tests.Fuzz;

/// <summary>
/// Reproducible random articles (a seed gives the same text) mixing real news shapes with what feeds really send:
/// any Unicode (lone surrogates, combining marks, bidi controls, emoji, NUL), pathological numbers and dates,
/// place names mangled, sentences without end.
/// </summary>
internal static class HostileText
{
    private static readonly string[] Places =
    [
        "Rafah", "Khan Yunis", "khan younisOne", "Gaza", "Gaza City", "Deir al-Balah", "Cairo", "Qatar", "Qatari", "Egyptian",
        "Paris", "Refa", "RefaTo", "رفح", "עזה", "Jabalia", "Beit Lahia", "Nuseirat", "Sinai", "West Bank", "Springfield", "Georgia",
    ];

    private static readonly string[] Numbers =
    [
        "1.4 million", "99999999999999999999999999999", "1,000,000,000,000,000,000", "1,2,3,4,5", "1.4.4 million", "10^999",
        "1e308", "-5,000", "−5,000", "0.000000001 million", "tens of tens of thousands of millions", "half a billion trillion",
        "١٬٤٠٠٬٠٠٠", "１２３,４５６", "²³⁴", "1,4 млн", "NaN", "Infinity", "0x7FFFFFFF", "9223372036854775808", "-9223372036854775809",
        "between 5 and", "from 10,000 to 5,000", "1/0", "3/4 of a million", "one million million million", "a quarter of 1.7e400",
        "000000000000000000001", "1,,000", "1.", ".5 million", "twenty-twenty-twenty thousand",
    ];

    private static readonly string[] Words =
    [
        "people", "fled", "displaced", "families", "from", "to", "in", "about", "nearly", "more than", "killed", "airstrike",
        "shelter", "according to", "Reuters", "Hamas", "said", "on Monday", "as of", "since", "were", "have been", "sought refuge",
        "on 31 February 2024", "on 2024-99-99", "in the year 99999", "yesterday", "last week", "at least", "over", "some",
    ];

    private static readonly string[] Oddities =
    [
        "\0", "\uD800", "\uDFFF", "\uDC00\uD800", "\u202E", "\u200B", "\u200D", "\uFEFF", "\u00A0", "\u2028", "\u2029", "\r", "\t",
        "\u0301\u0301\u0301", "👨‍👩‍👧‍👦", "🏳️‍🌈", "\uFFFD", "\uFFFF", "\u0085", "…", "—", "“", "”", "’s", "\\", "%", "&amp;", "<b>",
    ];

    public static string Article(int seed, int approximateLength)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        while (text.Length < approximateLength)
        {
            switch (random.Next(10))
            {
                case 0: text.Append(RandomUnicode(random, random.Next(1, 40))); break;
                case 1: text.Append(Oddities[random.Next(Oddities.Length)]); break;
                case 2 or 3: text.Append(Numbers[random.Next(Numbers.Length)]); break;
                case 4 or 5: text.Append(Mangle(random, Places[random.Next(Places.Length)])); break;
                default: text.Append(Words[random.Next(Words.Length)]); break;
            }
            text.Append(random.Next(12) switch { 0 => ". ", 1 => ", ", 2 => "\n\n", 3 => "", 4 => "  ", _ => " " });
        }
        return text.ToString();
    }

    /// <summary>Code points from every plane, unpaired surrogates and unassigned ones included.</summary>
    public static string RandomUnicode(Random random, int length)
    {
        var builder = new StringBuilder(length * 2);
        for (var i = 0; i < length; i++)
        {
            var kind = random.Next(6);
            if (kind == 0) builder.Append((char)random.Next(0xD800, 0xE000)); // lone surrogate
            else if (kind == 1) builder.Append(char.ConvertFromUtf32(random.Next(0x10000, 0x110000))); // astral planes
            else if (kind == 2) builder.Append((char)random.Next(0x0300, 0x0370)); // combining marks
            else if (kind == 3) builder.Append((char)random.Next(0, 0x20)); // controls
            else builder.Append((char)random.Next(0x20, 0xD800));
        }
        return builder.ToString();
    }

    private static string Mangle(Random random, string place) => random.Next(6) switch
    {
        0 => place.ToUpperInvariant(),
        1 => place.ToLowerInvariant(),
        2 => string.Join("-", place.ToCharArray()),
        3 => place + place + place,
        4 => place.Normalize(NormalizationForm.FormD),
        _ => place,
    };

    /// <summary>
    /// Hand-made worst cases, each stressing one part of the pipeline, at <paramref name="size"/> characters
    /// (a long news article is 10,000 to 20,000).
    /// </summary>
    public static IEnumerable<(string Name, string Text)> Pathological(int size)
    {
        static string Repeat(string unit, int size) => string.Concat(Enumerable.Repeat(unit, Math.Max(1, size / unit.Length)));
        yield return ("one sentence without end", Repeat("about 1.4 million people fled from Rafah to Khan Yunis and ", size));
        yield return ("one-word sentences", Repeat("Rafah. ", size));
        yield return ("a number of that many digits", "About " + new string('9', size) + " people fled Rafah.");
        yield return ("a number with that many commas", "About 1" + Repeat(",000", size) + " people fled Rafah.");
        yield return ("one word of that length", new string('a', size) + " Rafah");
        yield return ("capitalised words without end", Repeat("Khan Yunis Gaza City Deir Al Balah Beit Lahia ", size));
        yield return ("nested number words", Repeat("tens of hundreds of thousands of millions of ", size) + "people fled Gaza.");
        yield return ("dates without end", Repeat("On 31 February 2024, on 29 Feb 2023, as of 0 May, ", size));
        yield return ("only surrogates", new string('\uD800', size));
        yield return ("only combining marks", "R" + new string('\u0301', size) + "afah");
        yield return ("only NUL", new string('\0', size));
        yield return ("only whitespace", new string(' ', size / 2) + new string('\n', size / 2));
        yield return ("bidi and zero-width everywhere", Repeat("\u202ERa\u200Bfah\u202C 1\u200D000 people\u2066 fled\u2069 ", size));
        yield return ("digits of every script", string.Concat(Enumerable.Range(0, 0x10000).Where(c => c is < 0xD800 or > 0xDFFF)
            .Select(c => (char)c).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DecimalDigitNumber)) + " people fled Rafah");
    }
}
