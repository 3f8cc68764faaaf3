namespace GeoSituation.Cli.Tests.Feeds;

/// <summary>A feed and a news page written for these tests, each with a unique marker so the stored article can be found.</summary>
internal static class Documents
{
    public static string Rss(string marker) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0">
          <channel>
            <title>Test Wire</title>
            <link>http://example.invalid/</link>
            <description>Wire copy for tests</description>
            <item>
              <title>Families flee Khan Younis {marker}</title>
              <link>http://example.invalid/khan-younis-{marker}</link>
              <pubDate>Tue, 13 Feb 2024 09:00:00 GMT</pubDate>
              <description>&lt;p&gt;Thousands of families fled &lt;b&gt;Khan Younis&lt;/b&gt; for Rafah on Monday, aid workers said. Ref {marker}.&lt;/p&gt;</description>
            </item>
            <item>
              <title>Talks resume in Cairo {marker}</title>
              <link>http://example.invalid/cairo-{marker}</link>
              <pubDate>Wed, 14 Feb 2024 10:30:00 GMT</pubDate>
              <description>Negotiators met in Cairo on Wednesday to discuss a ceasefire. Ref {marker}.</description>
            </item>
          </channel>
        </rss>
        """;

    public static string Atom(string marker) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Test Agency</title>
          <id>urn:test:agency</id>
          <updated>2024-02-15T08:00:00Z</updated>
          <entry>
            <title>Shelters full in Deir al-Balah {marker}</title>
            <id>urn:test:deir-{marker}</id>
            <link rel="alternate" href="http://example.invalid/deir-{marker}"/>
            <updated>2024-02-15T08:00:00Z</updated>
            <content type="html">&lt;p&gt;Shelters in Deir al-Balah are full, the agency said on Thursday. Ref {marker}.&lt;/p&gt;</content>
          </entry>
        </feed>
        """;

    public static string Page(string marker) => $"""
        <!doctype html>
        <html lang="en">
        <head>
          <title>Page title {marker} | Test News</title>
          <meta property="og:title" content="Aid convoy reaches Rafah {marker}">
          <meta property="og:site_name" content="Test News">
          <meta property="article:published_time" content="2024-02-16T12:00:00Z">
          <script>var tracking = "NAVSCRIPT-{marker}";</script>
          <style>.x {"{"} color: red {"}"}</style>
        </head>
        <body>
          <header><nav><a href="/">Home</a> <a href="/world">World news and more sections MENU-{marker}</a></nav></header>
          <aside><p>Most read: a completely unrelated story about football in Madrid SIDEBAR-{marker}.</p></aside>
          <article>
            <h1>Aid convoy reaches Rafah</h1>
            <p>An aid convoy of forty trucks reached Rafah on Friday after waiting for two days at the crossing, officials said.</p>
            <figure><figcaption>Trucks at the crossing CAPTION-{marker}</figcaption></figure>
            <p>The convoy carried food, water and medical supplies for families sheltering in the city. Ref {marker}.</p>
            <p>Share</p>
          </article>
          <footer><p>Copyright Test News, all rights reserved, contact us for licensing FOOTER-{marker}.</p></footer>
        </body>
        </html>
        """;
}
