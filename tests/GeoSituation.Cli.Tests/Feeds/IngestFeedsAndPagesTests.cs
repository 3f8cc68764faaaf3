using GeoSituation.Cli.Tests.Infrastructure;

namespace GeoSituation.Cli.Tests.Feeds;

/// <summary>`geosituation ingest` on RSS/Atom feeds and HTML pages, from files and from URLs on a loopback server.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class IngestFeedsAndPagesTests(DatabaseFixture database) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("geosituation-feeds-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private Task<long> ArticlesWithAsync(string marker) =>
        database.CountAsync("SELECT count(*) FROM articles WHERE text LIKE '%' || $1 || '%'", marker);

    // By the name as written: the gazetteer spells places with their diacritics (Khān Yūnis).
    private Task<long> MentionsOfAsync(string marker, string place) =>
        database.CountAsync(
            "SELECT count(*) FROM ogc_mentions WHERE properties->>'article_title' LIKE '%' || $1 || '%' AND properties->>'surface' ILIKE $2 || '%'",
            marker, place);

    [Fact]
    public async Task Feed_and_page_files_are_stored_with_their_places()
    {
        var marker = "F" + Guid.NewGuid().ToString("N")[..10];
        var rss = Path.Combine(folder, "wire.rss");
        var atom = Path.Combine(folder, "agency.xml");
        var page = Path.Combine(folder, "story.html");
        await File.WriteAllTextAsync(rss, Documents.Rss(marker));
        await File.WriteAllTextAsync(atom, Documents.Atom(marker));
        await File.WriteAllTextAsync(page, Documents.Page(marker));

        var result = await CliProcess.RunAsync(["ingest", rss, atom, page, "--db", database.ConnectionString]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(4, await ArticlesWithAsync(marker));
        Assert.True(await MentionsOfAsync(marker, "Khan") >= 1, "the RSS item names Khan Younis");
        Assert.True(await MentionsOfAsync(marker, "Cairo") >= 1, "the second RSS item names Cairo");
        Assert.True(await MentionsOfAsync(marker, "Deir") >= 1, "the Atom entry names Deir al-Balah");
        Assert.True(await MentionsOfAsync(marker, "Rafa") >= 1, "the page names Rafah");
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM articles WHERE text LIKE '%SIDEBAR-' || $1 || '%'", marker));
        Assert.Equal(1, await database.CountAsync(
            "SELECT count(*) FROM articles WHERE title = $1 AND source = 'Test Wire' AND published = '2024-02-13T09:00:00Z'", $"Families flee Khan Younis {marker}"));

        // Again: nothing new (content hash), exit 0; --json reports it for scripts.
        var again = await CliProcess.RunAsync(["ingest", rss, atom, page, "--db", database.ConnectionString, "--json"]);
        Assert.True(again.ExitCode == 0, again.ToString());
        using var summary = System.Text.Json.JsonDocument.Parse(again.Stdout);
        Assert.Equal(0, summary.RootElement.GetProperty("created").GetInt32());
        Assert.Equal(4, summary.RootElement.GetProperty("duplicates").GetInt32());
        Assert.Equal(0, summary.RootElement.GetProperty("failed").GetInt32());
        Assert.Equal(4, await ArticlesWithAsync(marker));
    }

    [Fact]
    public async Task Feeds_and_pages_are_read_from_urls()
    {
        var marker = "U" + Guid.NewGuid().ToString("N")[..10];
        using var server = new LoopbackHttpServer(new()
        {
            ["/feed"] = ("application/rss+xml; charset=utf-8", Documents.Rss(marker)),
            ["/atom"] = ("application/atom+xml", Documents.Atom(marker)),
            ["/news/story"] = ("text/html; charset=utf-8", Documents.Page(marker)),
        });
        var result = await CliProcess.RunAsync(
            ["ingest", server.BaseAddress + "feed", server.BaseAddress + "atom", server.BaseAddress + "news/story", "--db", database.ConnectionString]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(4, await ArticlesWithAsync(marker));
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM articles WHERE url = $1 AND title = $2",
            server.BaseAddress + "news/story", $"Aid convoy reaches Rafah {marker}"));
    }

    [Fact]
    public async Task A_missing_page_is_reported_and_exits_2_while_the_rest_is_stored()
    {
        var marker = "E" + Guid.NewGuid().ToString("N")[..10];
        using var server = new LoopbackHttpServer(new() { ["/feed"] = ("application/rss+xml", Documents.Rss(marker)) });
        var result = await CliProcess.RunAsync(["ingest", server.BaseAddress + "feed", server.BaseAddress + "gone", "--db", database.ConnectionString]);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("HTTP 404", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, await ArticlesWithAsync(marker));
    }

    /// <summary>
    /// Issue 13, point 8: a page that redirects to the server's own /metrics had it stored as a public article, and a
    /// redirect to file:// crashed the CLI with a stack trace (exit 134). Both are refused now, in one line, exit 2.
    /// </summary>
    [Fact]
    public async Task Redirects_to_loopback_and_to_file_urls_are_refused_with_one_line_and_exit_2()
    {
        var marker = "R" + Guid.NewGuid().ToString("N")[..10];
        using var inside = new LoopbackHttpServer(new() { ["/metrics"] = ("text/html; charset=utf-8", Documents.Page(marker)) });
        using var server = new LoopbackHttpServer([], new()
        {
            ["/to-metrics"] = inside.BaseAddress.Replace("127.0.0.1", "localhost", StringComparison.Ordinal) + "metrics",
            ["/to-loopback"] = inside.BaseAddress + "metrics",
            ["/to-file"] = "file:///etc/passwd",
            ["/to-ipv6"] = "http://[::1]:9/metrics",
            ["/to-metadata"] = "http://169.254.169.254/latest/meta-data/",
        });
        foreach (var path in new[] { "to-metrics", "to-loopback", "to-file", "to-ipv6", "to-metadata" })
        {
            var result = await CliProcess.RunAsync(["ingest", server.BaseAddress + path, "--db", database.ConnectionString], timeout: TimeSpan.FromSeconds(90));
            Assert.True(result.ExitCode == 2, $"{path}: {result}");
            var output = result.Stdout + result.Stderr;
            Assert.Contains("refused", output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        }
        Assert.Equal(0, await ArticlesWithAsync(marker));

        // The operator may allow it.
        var allowed = await CliProcess.RunAsync(["ingest", server.BaseAddress + "to-loopback", "--allow-private", "--db", database.ConnectionString], timeout: TimeSpan.FromSeconds(90));
        Assert.True(allowed.ExitCode == 0, allowed.ToString());
        Assert.Equal(1, await ArticlesWithAsync(marker));
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::1", false)]
    [InlineData("::", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("93.184.215.14", true)]
    [InlineData("2606:4700::6810:84e5", true)]
    public void Only_public_addresses_are_reachable_through_a_redirect(string address, bool isPublic) =>
        Assert.Equal(isPublic, GeoSituation.Cli.Feeds.WebFetcher.IsPublic(System.Net.IPAddress.Parse(address)));
}
