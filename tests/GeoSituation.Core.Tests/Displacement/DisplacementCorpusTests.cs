using System.Globalization;
using GeoSituation.Core.Displacement;
using GeoSituation.Core.Text;
using Xunit.Abstractions;

namespace GeoSituation.Core.Tests.Displacement;

/// <summary>The corpus, item by item, and its precision and recall as a whole.</summary>
public sealed class DisplacementCorpusTests(ITestOutputHelper output)
{
    private static readonly DisplacementExtractor Extractor = new();

    internal static IReadOnlyList<DisplacementFigure> Run(CorpusCase item)
    {
        var published = DateTimeOffset.Parse(item.Published + "T12:00:00Z", CultureInfo.InvariantCulture);
        var sentences = SentenceSplitter.Split(item.Text);
        return Extractor.Extract(item.Text, sentences, TestPlaces.Tag(item.Text), published);
    }

    [Theory]
    [MemberData(nameof(DisplacementCorpus.Pinned), MemberType = typeof(DisplacementCorpus))]
    public void Corpus_item_yields_exactly_its_figures(string id)
    {
        var item = DisplacementCorpus.Get(id);
        var published = DateOnly.Parse(item.Published, CultureInfo.InvariantCulture);

        var figures = Run(item);

        Assert.Equal(Describe(item.Figures.Select(g => Expected(g, published))), Describe(figures.Select(Actual)));
    }

    [Fact]
    public void Every_figure_quotes_its_number_phrase_and_sentence()
    {
        foreach (var item in DisplacementCorpus.Cases)
        {
            foreach (var figure in Run(item))
            {
                Assert.Equal(figure.NumberText, item.Text[figure.Span.Start..figure.Span.End]);
                Assert.Equal(figure.Qualifier is null, figure.QualifierText is null);
                if (figure.QualifierText is not null) Assert.StartsWith(figure.QualifierText, figure.NumberText, StringComparison.Ordinal);
                Assert.True(figure.Sentence.Start <= figure.Span.Start && figure.Span.End <= figure.Sentence.End);
                Assert.InRange(figure.Confidence, 0.05, 0.99);
            }
        }
    }

    [Fact]
    public void Precision_and_recall_over_the_corpus()
    {
        var score = CorpusScore.Measure(DisplacementCorpus.Cases, Run);

        output.WriteLine(score.Report());
        Assert.True(DisplacementCorpus.Cases.Length >= 40);
        Assert.InRange(score.Precision, 0.95, 1.0);
        Assert.InRange(score.Recall, 0.95, 1.0);
        Assert.InRange(score.PlaceAccuracy, 0.9, 1.0);
    }

    [Fact]
    public void Precision_and_recall_over_the_later_sentences()
    {
        var first = CorpusScore.Measure(HeldOutCorpus.Batch1, Run);
        var second = CorpusScore.Measure(HeldOutCorpus.Batch2, Run);

        output.WriteLine(first.Report().Replace("Displacement corpus", "Later batch 1 (tuned on)", StringComparison.Ordinal));
        output.WriteLine(second.Report().Replace("Displacement corpus", "Later batch 2 (held out)", StringComparison.Ordinal));
        var third = CorpusScore.Measure(HeldOutCorpus.Batch3, Run);
        output.WriteLine(third.Report().Replace("Displacement corpus", "Later batch 3 (held out)", StringComparison.Ordinal));
        foreach (var item in HeldOutCorpus.Batch1.Concat(HeldOutCorpus.Batch2).Concat(HeldOutCorpus.Batch3))
        {
            var found = Run(item);
            if (found.Count == item.Figures.Length && found.All(f => item.Figures.Any(g => g.People == f.People))) continue;
            output.WriteLine($"{item.Id}: expected {string.Join(", ", item.Figures.Select(g => g.People))}; found {string.Join(", ", found.Select(Actual))}");
        }
        Assert.InRange(first.Precision, 0.95, 1.0);
        Assert.InRange(first.Recall, 0.95, 1.0);
        Assert.InRange(second.Precision, 0.95, 1.0);
        Assert.InRange(second.Recall, 0.95, 1.0);
        Assert.InRange(third.Precision, 0.95, 1.0);
        Assert.InRange(third.Recall, 0.95, 1.0);
    }

    private static string Describe(IEnumerable<string> figures) => string.Join("\n", figures.Order(StringComparer.Ordinal));

    private static string Expected(Gold g, DateOnly published)
    {
        var asOf = g.AsOf is null ? $"{published:yyyy-MM-dd} Published" : $"{g.AsOf} Text";
        return $"{g.People} [{g.Low}..{g.High}] '{g.Qualifier}' {g.Direction} {g.Place} <- {g.Origin} as of {asOf}";
    }

    private static string Actual(DisplacementFigure f) =>
        $"{f.People} [{f.Low}..{f.High}] '{f.Qualifier}' {f.Direction} {f.Place?.Name} <- {f.Origin?.Name} as of {f.AsOf:yyyy-MM-dd} {f.AsOfBasis}";
}
