using GeoSituation.Cli.Feeds;

namespace GeoSituation.Cli.Tests.Feeds;

public sealed class HtmlArticleExtractorTests
{
    [Fact]
    public void Keeps_the_story_and_drops_the_page_furniture()
    {
        var article = HtmlArticleExtractor.Extract(Documents.Page("M1"), "http://127.0.0.1/page");
        Assert.Equal("Aid convoy reaches Rafah M1", article.Title);
        Assert.Equal("Test News", article.Source);
        Assert.Equal(new DateTimeOffset(2024, 2, 16, 12, 0, 0, TimeSpan.Zero), article.Published);
        Assert.StartsWith("An aid convoy of forty trucks reached Rafah on Friday", article.Text, StringComparison.Ordinal);
        Assert.Contains("families sheltering in the city. Ref M1.", article.Text, StringComparison.Ordinal);
        foreach (var furniture in new[] { "NAVSCRIPT", "MENU", "SIDEBAR", "CAPTION", "FOOTER", "Share", "color" })
        {
            Assert.DoesNotContain(furniture, article.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_page_without_text_is_refused_with_a_message()
    {
        var error = Assert.Throws<InvalidDataException>(() => HtmlArticleExtractor.Extract("<html><body><nav>Home</nav></body></html>", "http://127.0.0.1/empty"));
        Assert.Contains("no article text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Feed_items_become_articles_with_plain_text()
    {
        var items = FeedReader.Read(Documents.Rss("M2"), "test.rss");
        Assert.Equal(2, items.Count);
        Assert.Equal("Families flee Khan Younis M2", items[0].Title);
        Assert.Equal("Thousands of families fled Khan Younis for Rafah on Monday, aid workers said. Ref M2.", items[0].Text);
        Assert.Equal("http://example.invalid/khan-younis-M2", items[0].Url);
        Assert.Equal("Test Wire", items[0].Source);
        Assert.Equal(new DateTimeOffset(2024, 2, 13, 9, 0, 0, TimeSpan.Zero), items[0].Published);

        var entries = FeedReader.Read(Documents.Atom("M3"), "test.atom");
        Assert.Equal("Shelters in Deir al-Balah are full, the agency said on Thursday. Ref M3.", Assert.Single(entries).Text);
    }

    [Fact]
    public void A_feed_with_a_dtd_is_refused()
    {
        const string hostile = """<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&x;</title></channel></rss>""";
        Assert.Throws<InvalidDataException>(() => FeedReader.Read(hostile, "hostile.rss"));
    }
}
