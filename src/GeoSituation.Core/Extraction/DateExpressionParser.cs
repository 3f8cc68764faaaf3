namespace GeoSituation.Core.Extraction;

/// <summary>Finds the date a sentence states: "as of 7 February", "on Tuesday", "this Tuesday", "yesterday", "last week".</summary>
/// <remarks>
/// Relative dates are resolved against the publication date: news uses a bare weekday ("on Tuesday",
/// Spanish-style "this Tuesday") for the most recent such day up to the publication day. Without a
/// publication date only dates that carry their year can be resolved. A day and month without a year take
/// the publication year, or the year before when that would put them more than a week after publication.
/// </remarks>
internal static class DateExpressionParser
{
    private static readonly WordMap<int> Months = new(new Dictionary<string, int>
    {
        ["january"] = 1, ["jan"] = 1, ["february"] = 2, ["feb"] = 2, ["march"] = 3, ["mar"] = 3, ["april"] = 4, ["apr"] = 4,
        ["may"] = 5, ["june"] = 6, ["jun"] = 6, ["july"] = 7, ["jul"] = 7, ["august"] = 8, ["aug"] = 8, ["september"] = 9,
        ["sep"] = 9, ["sept"] = 9, ["october"] = 10, ["oct"] = 10, ["november"] = 11, ["nov"] = 11, ["december"] = 12, ["dec"] = 12,
    });

    private static readonly WordMap<DayOfWeek> Weekdays = new(new Dictionary<string, DayOfWeek>
    {
        ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["friday"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday,
    });

    /// <summary>True for a month name ("February", "Feb").</summary>
    public static bool IsMonth(ReadOnlySpan<char> word) => Months.TryGet(word, out _);

    /// <summary>The first date of the sentence that is not the start of a period ("since 7 October").</summary>
    public static DateExpression? FindAsOf(SentenceTokens tokens, DateOnly? published)
    {
        // A publication date at the edge of the calendar (a bad feed's 0001-01-01) cannot anchor "last week".
        if (published is { Year: < 1000 or > 9000 }) published = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (TryParse(tokens, i, published, out var expression))
            {
                if (!expression.IsPeriodStart) return expression;
                i = expression.EndToken - 1;
            }
        }
        return null;
    }

    /// <summary>Every date of the sentence that is not the start of a period, in order.</summary>
    public static void FindAllAsOf(SentenceTokens tokens, DateOnly? published, List<DateExpression> found)
    {
        if (published is { Year: < 1000 or > 9000 }) published = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!TryParse(tokens, i, published, out var expression)) continue;
            if (!expression.IsPeriodStart) found.Add(expression);
            i = Math.Max(i, expression.EndToken - 1);
        }
    }

    private static bool TryParse(SentenceTokens tokens, int i, DateOnly? published, out DateExpression expression)
    {
        expression = default;
        var periodStart = StartsPeriod(tokens, i);
        if (tokens.IsNumber(i)) return TryDayMonth(tokens, i, published, periodStart, out expression);
        if (!tokens.IsWord(i)) return false;
        if (Months.TryGet(tokens.Chars(i), out var month))
        {
            // "May" is also a verb: trust month names only capitalised.
            if (!tokens.IsCapitalised(i)) return false;
            return TryMonthFirst(tokens, i, month, published, periodStart, out expression);
        }
        if (published is not { } today) return false;
        if (Weekdays.TryGet(tokens.Chars(i), out var weekday))
        {
            var back = ((int)today.DayOfWeek - (int)weekday + 7) % 7;
            if (tokens.Is(i - 1, "last") && back == 0) back = 7;
            var first = tokens.Is(i - 1, "this") || tokens.Is(i - 1, "last") || tokens.Is(i - 1, "on") ? i - 1 : i;
            expression = new DateExpression(today.AddDays(-back), 1, first, i + 1, periodStart);
            return true;
        }
        if (tokens.Is(i, "today") || tokens.Is(i, "tonight"))
        {
            expression = new DateExpression(today, 1, i, i + 1, periodStart);
            return true;
        }
        if (tokens.Is(i, "yesterday"))
        {
            expression = new DateExpression(today.AddDays(-1), 1, i, i + 1, periodStart);
            return true;
        }
        if ((tokens.Is(i, "last") || tokens.Is(i, "past")) && tokens.Is(i + 1, "night"))
        {
            expression = new DateExpression(today.AddDays(-1), 1, i, i + 2, periodStart);
            return true;
        }
        // "on the last day", "in the past 24 hours": the day of the report.
        if ((tokens.Is(i, "last") || tokens.Is(i, "past")) && (tokens.Is(i + 1, "day") || (tokens.IsNumber(i + 1) && tokens[i + 1].Value == 24 && tokens.Is(i + 2, "hours"))))
        {
            expression = new DateExpression(today, 1, i, tokens.Is(i + 1, "day") ? i + 2 : i + 3, periodStart);
            return true;
        }
        if ((tokens.Is(i, "this") || tokens.Is(i, "last") || tokens.Is(i, "past")) && (tokens.Is(i + 1, "week") || tokens.Is(i + 1, "month")))
        {
            var week = tokens.Is(i + 1, "week");
            // "this week" and "the past week" end at publication; "last week" is the week before.
            var date = !tokens.Is(i, "last") ? today : week ? today.AddDays(-7) : today.AddMonths(-1);
            expression = new DateExpression(date, week ? 2 : 3, i, i + 2, periodStart);
            return true;
        }
        return false;
    }

    // "since 7 October", "from Saturday", "since fighting erupted there in May": the date opens a period.
    private static bool StartsPeriod(SentenceTokens tokens, int i)
    {
        if (tokens.Is(i - 1, "from")) return true;
        for (var k = i - 1; k >= 0 && k >= i - 5 && !tokens.IsSymbol(k, ',') && !tokens.IsClauseBreak(k); k--)
        {
            if (tokens.Is(k, "since")) return true;
        }
        return false;
    }

    // "7 February", "7th of February 2024", "7 Feb."
    private static bool TryDayMonth(SentenceTokens tokens, int i, DateOnly? published, bool periodStart, out DateExpression expression)
    {
        expression = default;
        var day = tokens[i].Value;
        if (!tokens[i].Plain || day is < 1 or > 31) return false;
        var k = i + 1;
        if (tokens.IsGlued(k) && (tokens.Is(k, "st") || tokens.Is(k, "nd") || tokens.Is(k, "rd") || tokens.Is(k, "th"))) k++;
        if (tokens.Is(k, "of")) k++;
        if (!tokens.IsWord(k) || !tokens.IsCapitalised(k) || !Months.TryGet(tokens.Chars(k), out var month)) return false;
        k++;
        return Resolve(tokens, i, k, (int)day, month, published, periodStart, out expression);
    }

    // "February 7", "February 7, 2024", "February 2024", "in February".
    private static bool TryMonthFirst(SentenceTokens tokens, int i, int month, DateOnly? published, bool periodStart, out DateExpression expression)
    {
        expression = default;
        var k = i + 1;
        if (tokens.IsSymbol(k, '.')) k++;
        if (tokens.IsNumber(k) && tokens[k].Plain && tokens[k].Value is >= 1 and <= 31)
        {
            var day = (int)tokens[k].Value;
            k++;
            if (tokens.IsGlued(k) && (tokens.Is(k, "st") || tokens.Is(k, "nd") || tokens.Is(k, "rd") || tokens.Is(k, "th"))) k++;
            return Resolve(tokens, i, k, day, month, published, periodStart, out expression);
        }
        int? year = tokens.IsNumber(k) && tokens[k].Plain && tokens[k].Value is >= 1900 and <= 2100 ? (int)tokens[k].Value : null;
        if (year is null && published is null) return false;
        var resolvedYear = year ?? YearFor(month, 1, published!.Value);
        expression = new DateExpression(new DateOnly(resolvedYear, month, 1), 3, i, year is null ? k : k + 1, periodStart);
        return true;
    }

    private static bool Resolve(SentenceTokens tokens, int first, int k, int day, int month, DateOnly? published, bool periodStart, out DateExpression expression)
    {
        expression = default;
        if (tokens.IsSymbol(k, ',') && tokens.IsNumber(k + 1)) k++;
        int? year = null;
        if (tokens.IsNumber(k) && tokens[k].Plain && tokens[k].Value is >= 1900 and <= 2100)
        {
            year = (int)tokens[k].Value;
            k++;
        }
        if (year is null && published is null) return false;
        var resolvedYear = year ?? YearFor(month, day, published!.Value);
        if (day > DateTime.DaysInMonth(resolvedYear, month)) return false;
        expression = new DateExpression(new DateOnly(resolvedYear, month, day), 1, first, k, periodStart);
        return true;
    }

    private static int YearFor(int month, int day, DateOnly published)
    {
        var year = published.Year;
        var safeDay = Math.Min(day, DateTime.DaysInMonth(year, month));
        return new DateOnly(year, month, safeDay) > published.AddDays(7) ? year - 1 : year;
    }
}
