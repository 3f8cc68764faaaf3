using GeoSituation.Core.Extraction;
using GeoSituation.Core.Text;

namespace GeoSituation.Core.Tests.Numbers;

public sealed class DateExpressionParserTests
{
    // A Tuesday.
    private static readonly DateOnly Published = new(2024, 2, 13);

    private static DateExpression? AsOf(string text, DateOnly? published)
    {
        var tokens = new SentenceTokens();
        tokens.Load(text, new TextSpan(0, text.Length));
        return DateExpressionParser.FindAsOf(tokens, published);
    }

    [Theory]
    [InlineData("as of 7 February, UNRWA said", "2024-02-07", 1)]
    [InlineData("as of February 7, 2024", "2024-02-07", 1)]
    [InlineData("on 7th of February", "2024-02-07", 1)]
    [InlineData("on 28 December", "2023-12-28", 1)]
    [InlineData("this Tuesday", "2024-02-13", 1)]
    [InlineData("on Sunday", "2024-02-11", 1)]
    [InlineData("last Tuesday", "2024-02-06", 1)]
    [InlineData("yesterday", "2024-02-12", 1)]
    [InlineData("on the last day", "2024-02-13", 1)]
    [InlineData("in the past week", "2024-02-13", 2)]
    [InlineData("last week", "2024-02-06", 2)]
    [InlineData("in January", "2024-01-01", 3)]
    public void Resolves_dates_against_the_publication_day(string text, string date, int precision)
    {
        var found = AsOf(text, Published);

        Assert.NotNull(found);
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), found.Value.Date);
        Assert.Equal(precision, found.Value.Precision);
    }

    [Theory]
    [InlineData("since 7 October")]
    [InlineData("since Saturday")]
    [InlineData("since fighting erupted there in May")]
    [InlineData("they may leave")]
    public void Period_starts_and_the_verb_may_are_not_as_of_dates(string text)
    {
        Assert.Null(AsOf(text, Published));
    }

    [Fact]
    public void Without_a_publication_date_only_dates_with_a_year_resolve()
    {
        Assert.Null(AsOf("on Tuesday", null));
        Assert.Null(AsOf("as of 7 February", null));
        Assert.Equal(new DateOnly(2024, 2, 7), AsOf("as of 7 February 2024", null)?.Date);
    }
}
