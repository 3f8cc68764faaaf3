using GeoSituation.Cli.Tests.Infrastructure;

namespace GeoSituation.Cli.Tests;

/// <summary>`--help` on every verb, and exit codes scripts can trust: 0 done, 1 bad command line, 2 the work failed.</summary>
public sealed class UsageTests
{
    public static TheoryData<string> Verbs => new()
    {
        "", "analyze", "eval", "ingest", "serve", "export", "gazetteer", "gazetteer build", "db", "db migrate", "train-recognizer", "train-resolver", "train-confidence",
    };

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task Every_verb_explains_itself(string verb)
    {
        var result = await CliProcess.RunAsync([.. verb.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Usage:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("geosituation", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-such-verb")]
    [InlineData("export", "no-such-collection")]
    [InlineData("export", "places", "--format", "shapefile")]
    [InlineData("export", "places", "--bbox", "1,2,3")]
    [InlineData("export", "places", "--bbox", "10,0,0,10")]
    [InlineData("export", "places", "--datetime", "yesterday")]
    [InlineData("export", "places", "--format", "gpkg")]
    [InlineData("gazetteer", "build", "--geodata", "/nonexistent/geodata")]
    [InlineData("ingest", "/nonexistent/articles.txt")]
    public async Task A_wrong_command_line_exits_1(params string[] args)
    {
        var result = await CliProcess.RunAsync(args);
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.DoesNotContain("   at ", result.Stderr + result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GEOSITUATION_MAX_ARTICLE_BYTES", "lots", "GEOSITUATION_MAX_ARTICLE_BYTES must be a positive whole number")]
    [InlineData("GEOSITUATION_SEEDS", "/nonexistent/seeds", "GEOSITUATION_SEEDS: no folder")]
    [InlineData("GEOSITUATION_READS", "sometimes", "GEOSITUATION_READS must be 'public' or 'key'")]
    [InlineData("GEOSITUATION_LOG_FORMAT", "xml", "GEOSITUATION_LOG_FORMAT must be 'json' or 'text'")]
    public async Task Serve_refuses_a_bad_setting_at_start_with_a_message_naming_it(string setting, string value, string message)
    {
        var result = await CliProcess.RunAsync(["serve", "--urls", "http://127.0.0.1:1"], environment: new Dictionary<string, string> { [setting] = value });
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_of_the_work_exits_2_with_one_line_and_no_stack_trace()
    {
        // Nothing listens on port 1: the database cannot be reached.
        var result = await CliProcess.RunAsync(["export", "places", "--db", "Host=127.0.0.1;Port=1;Username=nobody;Password=x;Timeout=3"]);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("geosituation:", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", result.Stderr, StringComparison.Ordinal);
    }
}
