using System.Diagnostics;
using GeoSituation.Core.Articles;
using GeoSituation.Core.Tests.Gazetteer;

namespace GeoSituation.Core.Tests.Fuzz;

/// <summary>
/// Property tests of the whole text pipeline (ArticleAnalyzer) on reproducible random and pathological input:
/// it never throws, finishes each article within a generous bound, and what it returns points inside the text.
/// The time bound catches runaway (quadratic or worse) behaviour, not speed; speed lives in bench/.
/// </summary>
[Collection(GazetteerCollection.Name)]
public sealed class ArticleAnalyzerFuzzTests(GazetteerFixture fixture)
{
    // Per article, on a shared and loaded 2-core machine: far above normal (milliseconds), far below a hang.
    private static readonly TimeSpan RandomArticleBound = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan PathologicalBound = TimeSpan.FromSeconds(30);

    [Fact]
    public void Random_articles_never_throw_finish_in_bounded_time_and_stay_inside_the_text()
    {
        var analyzer = new ArticleAnalyzer(fixture.Gazetteer);
        for (var seed = 1; seed <= 300; seed++)
        {
            var text = HostileText.Article(seed, approximateLength: seed % 10 == 0 ? 20_000 : 1 + seed * 7 % 3000);
            Check(analyzer, text, $"seed {seed}", RandomArticleBound);
        }
    }

    [Fact]
    public void Random_unicode_of_any_plane_never_throws()
    {
        var analyzer = new ArticleAnalyzer(fixture.Gazetteer);
        for (var seed = 1000; seed < 1200; seed++)
        {
            var text = HostileText.RandomUnicode(new Random(seed), 1 + seed % 2000);
            Check(analyzer, text, $"unicode seed {seed}", RandomArticleBound);
        }
    }

    // 20,000 characters: a long article. (A single 200,000-character sentence took 570 s when this was written:
    // the pipeline is superlinear in sentence length; see the robustness notes in bench/load/README.md.)
    [Theory]
    [InlineData(2_000)]
    [InlineData(20_000)]
    public void Pathological_articles_never_throw_and_finish_in_bounded_time(int size)
    {
        var analyzer = new ArticleAnalyzer(fixture.Gazetteer);
        foreach (var (name, text) in HostileText.Pathological(size)) Check(analyzer, text, $"{name} ({text.Length} characters)", PathologicalBound);
    }

    [Fact]
    public void Analysis_is_deterministic()
    {
        var analyzer = new ArticleAnalyzer(fixture.Gazetteer);
        for (var seed = 5000; seed < 5030; seed++)
        {
            var article = new ArticleInput { Title = "t", Text = HostileText.Article(seed, 2000), Published = new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero) };
            var first = analyzer.Analyze(article);
            var second = analyzer.Analyze(article);
            Assert.Equal(first.ContentHash, second.ContentHash);
            Assert.Equal(first.Toponyms.Select(t => (t.Span, t.Place.Id)), second.Toponyms.Select(t => (t.Span, t.Place.Id)));
            Assert.Equal(first.Displacement.Select(f => (f.Span, f.People)), second.Displacement.Select(f => (f.Span, f.People)));
            Assert.Equal(first.Events.Count, second.Events.Count);
        }
    }

    private static void Check(ArticleAnalyzer analyzer, string text, string label, TimeSpan bound)
    {
        var published = new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);
        var clock = Stopwatch.StartNew();
        // On a worker thread so that a runaway analysis fails the test at the bound instead of hanging the run.
        var running = Task.Run(() => analyzer.Analyze(new ArticleInput { Title = label, Text = text, Published = published }));
        Assert.True(running.Wait(bound) || running.IsFaulted, $"{label}: not finished after {bound.TotalSeconds} s ({text.Length} characters)");
        if (running.Exception?.InnerException is { } e)
        {
            Assert.Fail($"{label}: {e.GetType().Name}: {e.Message}\ntext starts: {Preview(text)}\n{e.StackTrace}");
        }
        var analysis = running.Result;
        Assert.True(clock.Elapsed < bound, $"{label}: {clock.Elapsed.TotalSeconds:0.0} s for {text.Length} characters (bound {bound.TotalSeconds} s)");

        foreach (var sentence in analysis.Sentences) Assert.True(Inside(sentence.Start, sentence.End, text), $"{label}: sentence {sentence} outside the text");
        foreach (var toponym in analysis.Toponyms)
        {
            Assert.True(Inside(toponym.Span.Start, toponym.Span.End, text) && toponym.Span.Length > 0, $"{label}: toponym {toponym.Span} outside the text");
            Assert.InRange(toponym.Confidence, 0, 1);
            Assert.True(double.IsFinite(toponym.Place.Latitude) && double.IsFinite(toponym.Place.Longitude));
        }
        foreach (var figure in analysis.Displacement)
        {
            Assert.True(Inside(figure.Span.Start, figure.Span.End, text), $"{label}: figure {figure.Span} outside the text");
            Assert.True(figure.People >= 0, $"{label}: negative people {figure.People} from '{figure.NumberText}'");
            if (figure.Low is { } low && figure.High is { } high) Assert.True(low <= high, $"{label}: range {low}..{high}");
        }
        foreach (var situationEvent in analysis.Events)
        {
            Assert.True(Inside(situationEvent.Sentence.Start, situationEvent.Sentence.End, text), $"{label}: event sentence outside the text");
            Assert.True(situationEvent.Fatalities is null or >= 0, $"{label}: negative fatalities");
        }
    }

    private static bool Inside(int start, int end, string text) => start >= 0 && start <= end && end <= text.Length;

    private static string Preview(string text) => text.Length > 200 ? text[..200] + "..." : text;
}
