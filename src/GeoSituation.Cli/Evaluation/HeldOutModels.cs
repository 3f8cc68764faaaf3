using GeoSituation.Core.Gazetteer;
using GeoSituation.Core.Geoparsing;
using GeoSituation.Core.Geoparsing.Training;

namespace GeoSituation.Cli.Evaluation;

/// <summary>Parses a corpus the built-in models were trained on with models that never saw each document.</summary>
/// <remarks>
/// k-fold by document: for fold f both models are refitted on the corpus' other folds plus every other corpus
/// the built-in models were trained on (found next to the gold file, checked by SHA-256), then parse fold f.
/// So the scores printed for a dev corpus are held-out scores, never scores on training documents.
/// The confidence model is held out the same way: once every fold is parsed, fold f's confidences are recomputed
/// by a model fitted on the other folds' toponyms of this corpus (labelled by the gold).
/// </remarks>
internal static class HeldOutModels
{
    public static bool TrainedOn(string goldPath, out string sha256)
    {
        sha256 = RecognitionData.Sha256Of(goldPath);
        var hash = sha256;
        return RecognizerModel.Default.TrainedOn.Any(t => t.Sha256 == hash) || ResolverModel.Default.TrainedOn.Any(t => t.Sha256 == hash);
    }

    public static IReadOnlyList<Toponym>[] Parse(string goldPath, string sha256, List<GoldDocument> documents, Gazetteer gazetteer, int folds, TextWriter log)
    {
        var geoparser = new Geoparser(gazetteer);
        var directory = Path.GetDirectoryName(Path.GetFullPath(goldPath))!;
        var others = RecognizerModel.Default.TrainedOn.Concat(ResolverModel.Default.TrainedOn)
            .Where(t => t.Sha256 != sha256).DistinctBy(t => t.Sha256)
            .Select(t => (t, Path.Combine(directory, t.FileName)))
            .Where(x =>
            {
                var found = File.Exists(x.Item2) && RecognitionData.Sha256Of(x.Item2) == x.t.Sha256;
                if (!found) log.WriteLine($"note: training corpus {x.t.FileName} not found next to the gold file; folds are trained without it");
                return found;
            })
            .Select(x => x.Item2).ToList();

        var target = RecognitionData.Load(goldPath, geoparser, 0);
        var targetCases = ResolutionData.Load(goldPath, geoparser);
        var otherExamples = others.SelectMany(p => RecognitionData.Load(p, geoparser, 0).ExamplesByDocument.SelectMany(e => e)).ToList();
        var otherCases = others.SelectMany(p => ResolutionData.Load(p, geoparser).CasesByDocument.SelectMany(d => d)).ToList();

        var result = new IReadOnlyList<Toponym>[documents.Count];
        for (var fold = 0; fold < folds; fold++)
        {
            var f = fold;
            var recognition = LogisticRegression.Fit([.. otherExamples, .. target.ExamplesByDocument.Where((_, i) => i % folds != f).SelectMany(e => e)]);
            var resolution = ResolutionData.Fit([.. otherCases, .. targetCases.CasesByDocument.Where((_, i) => i % folds != f).SelectMany(d => d)]);
            var foldParser = new Geoparser(gazetteer, new RecognizerModel(recognition, RecognizerModel.Default.Threshold), new ResolverModel(resolution));
            Parallel.For(0, documents.Count, i =>
            {
                if (i % folds == f) result[i] = foldParser.Parse(documents[i].Text);
            });
        }
        var calibrated = new IReadOnlyList<Toponym>[documents.Count];
        for (var fold = 0; fold < folds; fold++)
        {
            var f = fold;
            var model = new ConfidenceModel(ConfidenceData.Fit(ConfidenceData.Examples(documents, result, i => i % folds != f)));
            for (var i = f; i < documents.Count; i += folds) calibrated[i] = ConfidenceData.Recalibrate(result[i], model);
        }
        return calibrated;
    }
}
