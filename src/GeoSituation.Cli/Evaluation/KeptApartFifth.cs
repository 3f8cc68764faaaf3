using GeoSituation.Core.Text;

namespace GeoSituation.Cli.Evaluation;

/// <summary>The fifth of each dev corpus that no rule or word list is written from (issue 14), chosen by document id.</summary>
/// <remarks>
/// Membership depends on the id alone (FNV-1a-64 of its UTF-8 bytes, modulo 5), so it is the same on every run,
/// on every machine and whatever order the corpus lists its documents in. The eval scores it separately and lists
/// error examples only from the other four fifths, so looking at errors never shows this fifth's documents.
/// The weights are still learned k-fold over the whole corpus (every document is parsed by models that never saw it);
/// rules and word lists written before the fifth was set apart did see it, so its score is cleaner, not clean.
/// </remarks>
internal static class KeptApartFifth
{
    public static bool Contains(string documentId) => Fnv1a.Hash64(documentId) % 5 == 0;
}
