using GeoSituation.Core.Extraction;

namespace GeoSituation.Core.Numbers;

/// <summary>Reads number expressions from a sentence's tokens: digits, words, scales, vague magnitudes, ranges, percentages.</summary>
/// <remarks>
/// A hand-written scanner over the tokens rather than a regular expression: number words compose
/// ("one and a half million", "two hundred and fifty thousand"), a scale after a range applies to both ends
/// ("1.5-1.7 million"), and each step is a table lookup on a span, so a sentence is read without allocating.
/// </remarks>
internal static class NumberExpressionParser
{
    // Ten billion: above it a "count" is an identifier, a phone number or garbage, and would overflow people counts.
    private const double MaxCount = 1e10;

    private readonly record struct Quantity(double Value, double Scale, bool Vague, bool Percent, bool YearLike, int End);

    /// <summary>Every number expression of the sentence, left to right, none overlapping.</summary>
    public static void FindAll(SentenceTokens tokens, List<NumberExpression> into)
    {
        var i = 0;
        while (i < tokens.Count)
        {
            if (TryParse(tokens, i, out var expression))
            {
                into.Add(expression);
                i = expression.EndToken;
            }
            else i++;
        }
    }

    public static bool TryParse(SentenceTokens tokens, int start, out NumberExpression expression)
    {
        expression = default;
        if (!tokens.IsNumber(start) && !tokens.In(start, NumberWords.StartWords)) return false;
        var core = Qualifiers.Match(tokens, start, out var qualifier, out var bound);
        if (core < 0)
        {
            core = start;
            qualifier = null;
        }
        var between = tokens.Is(core, "between");
        if (!TryQuantity(tokens, between ? core + 1 : core, out var low) || low.Value > MaxCount) return false;

        var end = low.End;
        Quantity? high = null;
        if (between)
        {
            if (!tokens.Is(end, "and") || !TryQuantity(tokens, end + 1, out var second)) return false;
            high = second;
        }
        else if (IsRangeJoiner(tokens, end, start) && TryQuantity(tokens, end + 1, out var second))
        {
            high = second;
        }

        if (high?.Value > MaxCount) high = null;
        if (high is { } h)
        {
            // "1.5-1.7 million": the scale written once belongs to both ends.
            if (low.Scale == 1 && h.Scale > 1 && !low.Vague && low.Value < 1000) low = low with { Value = low.Value * h.Scale, Scale = h.Scale };
            if (low.Value <= h.Value && low.Percent == h.Percent) end = h.End;
            else if (between) return false;
            else high = null;
        }

        var value = (long)Math.Round(low.Value);
        long? lowBound = value, highBound = value;
        if (high is { } range)
        {
            highBound = (long)Math.Round(range.Value);
        }
        else if (low.Vague)
        {
            highBound = null;
        }
        else
        {
            switch (bound)
            {
                case Qualifiers.Bound.AtMost: lowBound = null; break;
                case Qualifiers.Bound.AtLeast: highBound = null; break;
            }
        }

        if (low.Percent)
        {
            expression = new NumberExpression(start, end, core, 0, null, null, qualifier, false, low.Value, false);
            return true;
        }
        var yearLike = low.YearLike && (high is null || high.Value.YearLike);
        expression = new NumberExpression(start, end, core, value, lowBound, highBound, qualifier, low.Vague, null, yearLike);
        return true;
    }

    // "1.5-1.7", "1.5 to 1.7", "two or three". Not "from 1.4 million to 1.7 million": that is a change, not a range.
    private static bool IsRangeJoiner(SentenceTokens tokens, int index, int expressionStart) =>
        tokens.IsDash(index) || tokens.Is(index, "or") || (tokens.Is(index, "to") && !tokens.Is(expressionStart - 1, "from"));

    private static bool TryQuantity(SentenceTokens tokens, int i, out Quantity quantity)
    {
        if (tokens.IsNumber(i)) return TryDigits(tokens, i, out quantity);
        if (TryVague(tokens, i, out quantity)) return true;
        if (TryFraction(tokens, i, out quantity)) return true;
        return TryWords(tokens, i, out quantity);
    }

    private static bool TryDigits(SentenceTokens tokens, int i, out Quantity quantity)
    {
        quantity = default;
        if (IsCurrencySymbol(tokens, i - 1)) return false;
        var token = tokens[i];
        var value = token.Value;
        var scale = 1.0;
        var k = i + 1;
        if (tokens.IsGlued(k) && tokens.In(k, NumberWords.OrdinalSuffixes)) return false;
        if (tokens.IsWord(k) && TryScale(tokens, k, out var s))
        {
            scale = s;
            k++;
            // "two hundred thousand" written "200 thousand" is rare, but "1.5 hundred thousand" never: one more scale at most.
            if (s == 1e2 && tokens.IsWord(k) && NumberWords.Scales.TryGet(tokens.Chars(k), out var s2) && s2 > 1e2)
            {
                scale *= s2;
                k++;
            }
        }
        else if (tokens.IsDash(k) && tokens.IsWord(k + 1))
        {
            // "1.4-million" is a number; "30-year-old" and "24-hour" are not counts.
            if (!NumberWords.Scales.TryGet(tokens.Chars(k + 1), out s)) return false;
            scale = s;
            k += 2;
        }

        if (tokens.IsSymbol(k, '%') || tokens.In(k, NumberWords.PercentWords) || (tokens.Is(k, "per") && tokens.Is(k + 1, "cent")))
        {
            var end = tokens.Is(k, "per") ? k + 2 : k + 1;
            quantity = new Quantity(value, 1, false, true, false, end);
            return true;
        }
        var yearLike = token.Plain && scale == 1 && value is >= 1900 and <= 2100 && token.Length == 4;
        quantity = new Quantity(value * scale, scale, false, false, yearLike, k);
        return true;
    }

    private static bool TryScale(SentenceTokens tokens, int k, out double scale) =>
        tokens.IsGlued(k)
            ? NumberWords.GluedScales.TryGet(tokens.Chars(k), out scale) || NumberWords.Scales.TryGet(tokens.Chars(k), out scale)
            : NumberWords.Scales.TryGet(tokens.Chars(k), out scale);

    private static bool IsCurrencySymbol(SentenceTokens tokens, int i) =>
        tokens.IsSymbol(i, '$') || tokens.IsSymbol(i, '€') || tokens.IsSymbol(i, '£') || tokens.Is(i, "USD") || tokens.Is(i, "US");

    private static bool TryVague(SentenceTokens tokens, int i, out Quantity quantity)
    {
        quantity = default;
        if (tokens.Is(i, "tens") && tokens.Is(i + 1, "of") && tokens.IsWord(i + 2)
            && NumberWords.VaguePlurals.TryGet(tokens.Chars(i + 2), out var of) && of >= 1e3)
        {
            quantity = new Quantity(20 * of, of, true, false, false, i + 3);
            return true;
        }
        if (tokens.IsWord(i) && NumberWords.VaguePlurals.TryGet(tokens.Chars(i), out var plural))
        {
            // "hundreds of thousands", "dozens of thousands"; a plain "hundreds (of people)" ends at the plural.
            if (tokens.Is(i + 1, "of") && tokens.IsWord(i + 2) && NumberWords.VaguePlurals.TryGet(tokens.Chars(i + 2), out var times) && times > plural)
            {
                quantity = new Quantity(plural * times, times, true, false, false, i + 3);
                return true;
            }
            quantity = new Quantity(plural, plural, true, false, false, i + 1);
            return true;
        }
        // "several thousand", "a few hundred thousand", "a couple of million", "many thousands".
        var k = i;
        if (tokens.Is(k, "a")) k++;
        if (!tokens.IsWord(k) || !NumberWords.VagueMultipliers.TryGet(tokens.Chars(k), out var multiplier)) return false;
        if (k > i && tokens.Is(k, "many")) return false;
        k++;
        if (tokens.Is(k, "of")) k++;
        if (tokens.IsWord(k) && NumberWords.VaguePlurals.TryGet(tokens.Chars(k), out var plurals) && plurals >= 1e3)
        {
            quantity = new Quantity(multiplier * plurals, plurals, true, false, false, k + 1);
            return true;
        }
        if (!tokens.IsWord(k) || !NumberWords.Scales.TryGet(tokens.Chars(k), out var scale)) return false;
        k++;
        if (scale == 1e2 && tokens.IsWord(k) && NumberWords.Scales.TryGet(tokens.Chars(k), out var next) && next > 1e2)
        {
            scale *= next;
            k++;
        }
        quantity = new Quantity(multiplier * scale, scale, true, false, false, k);
        return true;
    }

    // "three quarters of", "two thirds of", "a third of", "half of": a share, read as a percentage.
    private static bool TryFraction(SentenceTokens tokens, int i, out Quantity quantity)
    {
        quantity = default;
        if (tokens.Is(i, "half") && tokens.Is(i + 1, "of"))
        {
            quantity = new Quantity(50, 1, false, true, false, i + 1);
            return true;
        }
        var count = 1.0;
        var k = i;
        if (tokens.Is(k, "a") || tokens.Is(k, "one")) k++;
        else if (tokens.IsWord(k) && NumberWords.Units.TryGet(tokens.Chars(k), out var units))
        {
            count = units;
            k++;
        }
        else return false;
        if (tokens.IsDash(k)) k++;
        if (!tokens.IsWord(k) || !NumberWords.Fractions.TryGet(tokens.Chars(k), out var denominator)) return false;
        quantity = new Quantity(100 * count / denominator, 1, false, true, false, k + 1);
        return true;
    }

    // "two million", "one and a half million", "two hundred and fifty thousand", "half a million", "a million", "two dozen".
    private static bool TryWords(SentenceTokens tokens, int i, out Quantity quantity)
    {
        quantity = default;
        var k = i;
        double total = 0, current = 0, lastScale = 1;
        var any = false;
        if (tokens.Is(k, "half") && tokens.Is(k + 1, "a") && tokens.IsWord(k + 2) && NumberWords.Scales.TryGet(tokens.Chars(k + 2), out var halfOf))
        {
            quantity = new Quantity(0.5 * halfOf, halfOf, false, false, false, k + 3);
            return true;
        }
        if (tokens.Is(k, "a") || tokens.Is(k, "an"))
        {
            if (!tokens.IsWord(k + 1) || !(NumberWords.Scales.TryGet(tokens.Chars(k + 1), out _) || tokens.Is(k + 1, "dozen"))) return false;
            current = 1;
            any = true;
            k++;
        }
        while (tokens.IsWord(k))
        {
            var word = tokens.Chars(k);
            if (NumberWords.Units.TryGet(word, out var unit))
            {
                current += unit;
                k++;
            }
            else if (NumberWords.Tens.TryGet(word, out var tens))
            {
                current += tens;
                k++;
                if (tokens.IsDash(k) && tokens.IsWord(k + 1) && NumberWords.Units.TryGet(tokens.Chars(k + 1), out var ones) && ones < 10)
                {
                    current += ones;
                    k += 2;
                }
            }
            else if (any && tokens.Is(k, "hundred"))
            {
                current = Math.Max(current, 1) * 100;
                k++;
            }
            else if (any && tokens.Is(k, "dozen"))
            {
                current = Math.Max(current, 1) * 12;
                k++;
            }
            else if (any && NumberWords.Scales.TryGet(word, out var scale) && scale > 1e2)
            {
                total += Math.Max(current, 1) * scale;
                current = 0;
                lastScale = scale;
                k++;
            }
            else if (any && tokens.Is(k, "and") && tokens.Is(k + 1, "a") && tokens.Is(k + 2, "half")
                     && tokens.IsWord(k + 3) && NumberWords.Scales.TryGet(tokens.Chars(k + 3), out _))
            {
                current += 0.5;
                k += 3;
                continue;
            }
            else if (any && tokens.Is(k, "and") && tokens.IsWord(k + 1)
                     && (NumberWords.Units.TryGet(tokens.Chars(k + 1), out _) || NumberWords.Tens.TryGet(tokens.Chars(k + 1), out _)))
            {
                k++;
                continue;
            }
            else break;
            any = true;
        }
        if (!any) return false;
        quantity = new Quantity(total + current, lastScale, false, false, false, k);
        return true;
    }
}
