using GeoSituation.Core.Extraction;
using GeoSituation.Core.Numbers;
using GeoSituation.Core.Text;

namespace GeoSituation.Core.Tests.Numbers;

public sealed class NumberExpressionParserTests
{
    private static (NumberExpression Expression, string Text) First(string sentence)
    {
        var tokens = new SentenceTokens();
        tokens.Load(sentence, new TextSpan(0, sentence.Length));
        var found = new List<NumberExpression>();
        NumberExpressionParser.FindAll(tokens, found);
        var e = Assert.Single(found);
        return (e, sentence[tokens[e.FirstToken].Start..tokens[e.EndToken - 1].End]);
    }

    [Theory]
    [InlineData("1,400,000 people", 1_400_000, "1,400,000")]
    [InlineData("1.4m people", 1_400_000, "1.4m")]
    [InlineData("1.4 million people", 1_400_000, "1.4 million")]
    [InlineData("1.4-million people", 1_400_000, "1.4-million")]
    [InlineData("300k people", 300_000, "300k")]
    [InlineData("2.5 mn people", 2_500_000, "2.5 mn")]
    [InlineData("1\u202F400\u202F000 people", 1_400_000, "1\u202F400\u202F000")]
    [InlineData("two million people", 2_000_000, "two million")]
    [InlineData("a million people", 1_000_000, "a million")]
    [InlineData("half a million people", 500_000, "half a million")]
    [InlineData("one and a half million people", 1_500_000, "one and a half million")]
    [InlineData("two hundred and fifty thousand people", 250_000, "two hundred and fifty thousand")]
    [InlineData("thirty-five people", 35, "thirty-five")]
    [InlineData("two dozen people", 24, "two dozen")]
    public void Reads_digits_words_and_scales(string text, long value, string phrase)
    {
        var (e, written) = First(text);

        Assert.Equal(value, e.Value);
        Assert.Equal(value, e.Low);
        Assert.Equal(value, e.High);
        Assert.False(e.IsVague);
        Assert.Equal(phrase, written);
    }

    [Theory]
    [InlineData("tens of thousands of people", 20_000)]
    [InlineData("hundreds of thousands of people", 100_000)]
    [InlineData("dozens of people", 12)]
    [InlineData("hundreds of people", 100)]
    [InlineData("thousands of people", 1_000)]
    [InlineData("millions of people", 1_000_000)]
    [InlineData("several thousand people", 3_000)]
    [InlineData("a few hundred people", 200)]
    public void Vague_magnitudes_take_fixed_low_bounds_and_no_upper_bound(string text, long bound)
    {
        var (e, _) = First(text);

        Assert.True(e.IsVague);
        Assert.Equal(bound, e.Value);
        Assert.Equal(bound, e.Low);
        Assert.Null(e.High);
    }

    [Theory]
    [InlineData("between 1.5 and 1.7 million people", 1_500_000, 1_700_000)]
    [InlineData("1.5-1.7 million people", 1_500_000, 1_700_000)]
    [InlineData("1.5–1.7 million people", 1_500_000, 1_700_000)]
    [InlineData("1.5 to 1.7 million people", 1_500_000, 1_700_000)]
    [InlineData("between 1.5 million and 1.7 million people", 1_500_000, 1_700_000)]
    [InlineData("10,000 to 15,000 people", 10_000, 15_000)]
    [InlineData("two or three months", 2, 3)]
    public void Ranges_share_a_scale_written_once(string text, long low, long high)
    {
        var (e, _) = First(text);

        Assert.Equal(low, e.Value);
        Assert.Equal(low, e.Low);
        Assert.Equal(high, e.High);
    }

    [Theory]
    [InlineData("approximately 1.4 million", "approximately", 1_400_000, 1_400_000)]
    [InlineData("around 1.4 million", "approximately", 1_400_000, 1_400_000)]
    [InlineData("an estimated 1.4 million", "approximately", 1_400_000, 1_400_000)]
    [InlineData("about 1.4 million", "about", 1_400_000, 1_400_000)]
    [InlineData("some 1.4 million", "some", 1_400_000, 1_400_000)]
    [InlineData("nearly 1.4 million", "nearly", null, 1_400_000)]
    [InlineData("almost 1.4 million", "nearly", null, 1_400_000)]
    [InlineData("up to 1.4 million", "up to", null, 1_400_000)]
    [InlineData("as many as 1.4 million", "up to", null, 1_400_000)]
    [InlineData("more than 1.4 million", "more than", 1_400_000, null)]
    [InlineData("at least 1.4 million", "at least", 1_400_000, null)]
    [InlineData("over 1.4 million", "over", 1_400_000, null)]
    [InlineData("fewer than 1.4 million", "less than", null, 1_400_000)]
    public void Qualifiers_are_normalised_and_set_the_bounds(string text, string qualifier, int? low, int? high)
    {
        var (e, written) = First(text);

        Assert.Equal(qualifier, e.Qualifier);
        Assert.Equal(1_400_000, e.Value);
        Assert.Equal((long?)low, e.Low);
        Assert.Equal((long?)high, e.High);
        Assert.Equal(text, written);
    }

    [Theory]
    [InlineData("85 percent of", 85)]
    [InlineData("85% of", 85)]
    [InlineData("85 per cent of", 85)]
    [InlineData("7.5 pct of", 7.5)]
    [InlineData("three quarters of", 75)]
    [InlineData("a quarter of", 25)]
    [InlineData("two-thirds of", 66.66666666666667)]
    [InlineData("half of", 50)]
    public void Percentages_are_kept_apart_from_counts(string text, double percent)
    {
        var (e, _) = First(text);

        Assert.Equal(percent, e.Percent);
        Assert.Equal(0, e.Value);
    }

    [Theory]
    [InlineData("$100 million in aid")]
    [InlineData("the 7th day")]
    [InlineData("a 30-year-old man")]
    [InlineData("many people fled")]
    [InlineData("over the past week")]
    public void Money_ordinals_compounds_and_bare_quantifiers_are_not_counts(string text)
    {
        var tokens = new SentenceTokens();
        tokens.Load(text, new TextSpan(0, text.Length));
        var found = new List<NumberExpression>();

        NumberExpressionParser.FindAll(tokens, found);

        Assert.Empty(found);
    }

    [Fact]
    public void A_bare_four_digit_year_is_marked_year_like()
    {
        Assert.True(First("since 2007").Expression.IsYearLike);
        Assert.False(First("2,007 people").Expression.IsYearLike);
    }
}
