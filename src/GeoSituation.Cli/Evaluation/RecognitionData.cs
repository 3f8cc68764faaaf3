using System.Security.Cryptography;
using GeoSituation.Core.Geoparsing;
using GeoSituation.Core.Geoparsing.Training;

namespace GeoSituation.Cli.Evaluation;

/// <summary>Gazetteer matches of a gold corpus labelled by whether they overlap a gold toponym.</summary>
internal sealed record LabelledCorpus(string FileName, string Sha256, List<GoldDocument> Documents, List<List<LabelledExample>> ExamplesByDocument)
{
    public int GoldCount => Documents.Sum(d => d.Toponyms.Count);
}

internal static class RecognitionData
{
    public static LabelledCorpus Load(string path, Geoparser geoparser, int groupOffset)
    {
        var documents = GoldCorpus.Read(path);
        var examples = new List<LabelledExample>[documents.Count];
        Parallel.For(0, documents.Count, i =>
        {
            var d = documents[i];
            examples[i] = geoparser.RecognitionExamples(d.Text)
                .Select(e => new LabelledExample(e.Features, d.Toponyms.Any(g => g.Start < e.Span.End && e.Span.Start < g.End), groupOffset + i))
                .ToList();
        });
        return new LabelledCorpus(Path.GetFileName(path), Sha256Of(path), documents, [.. examples]);
    }

    public static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Approximate recognition F1 from match-level predictions (gold never matched counts as missed).</summary>
    public static (double P, double R, double F1) Score(IEnumerable<(LabelledExample Example, double Probability)> predictions, int gold, double threshold)
    {
        int tp = 0, fp = 0;
        foreach (var (e, p) in predictions)
        {
            if (p < threshold) continue;
            if (e.Label) tp++;
            else fp++;
        }
        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = gold == 0 ? 0 : Math.Min(1, (double)tp / gold);
        return (precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
    }
}
