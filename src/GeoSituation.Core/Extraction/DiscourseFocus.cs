using GeoSituation.Core.Gazetteer;

namespace GeoSituation.Core.Extraction;

/// <summary>The place the text around a sentence is about, for sentences that name no place themselves.</summary>
/// <remarks>
/// News keeps talking about a place after naming it ("... should we enter Rafah ...". "The president warned
/// ... 1.4 million Palestinians who fled other areas ... living in overcrowded areas."). We score the places
/// of the preceding sentences with a decay (1, 1/2, 1/4), and the next sentence lightly (a figure is sometimes
/// placed right after it is given). Specific places outweigh regions and countries, which are more often
/// actors ("Israel", "Egypt") than the scene. The focus must hold more than half of the score so that a
/// paragraph jumping between places yields no focus rather than a guess.
/// </remarks>
internal static class DiscourseFocus
{
    private static readonly double[] PrecedingWeights = [1.0, 0.5, 0.25];
    private const double FollowingWeight = 0.3;
    private const double MinimumScore = 0.3;
    private const double MinimumShare = 0.5;

    /// <summary>The focus place for <paramref name="sentence"/> and the share of the evidence it holds (0..1).</summary>
    public static (GazetteerEntry Place, double Share)? For(ArticlePlaces places, int sentence)
    {
        // Called only for the few sentences that need it, so a small list is cheaper to reason about than pooling.
        var scores = new List<(GazetteerEntry Place, double Score)>(4);
        var total = 0.0;
        for (var back = 1; back <= PrecedingWeights.Length; back++)
        {
            total += Accumulate(places, sentence - back, PrecedingWeights[back - 1], scores);
        }
        total += Accumulate(places, sentence + 1, FollowingWeight, scores);
        if (scores.Count == 0) return null;
        var best = scores[0];
        foreach (var candidate in scores)
        {
            if (candidate.Score > best.Score) best = candidate;
        }
        // A tie between two places is no focus: half the evidence is not enough.
        if (best.Score < MinimumScore || best.Score / total <= MinimumShare) return null;
        return (best.Place, best.Score / total);
    }

    private static double Accumulate(ArticlePlaces places, int s, double weight, List<(GazetteerEntry Place, double Score)> scores)
    {
        if (s < 0 || s >= places.SentenceCount || places.Teasers[s]) return 0;
        var added = 0.0;
        foreach (var toponym in places.In(s))
        {
            var add = weight * KindWeight(toponym.Place.Kind) * toponym.Confidence;
            added += add;
            var i = scores.FindIndex(e => e.Place.Id == toponym.Place.Id);
            if (i < 0) scores.Add((toponym.Place, add));
            else scores[i] = (scores[i].Place, scores[i].Score + add);
        }
        return added;
    }

    private static double KindWeight(PlaceKind kind) => kind switch
    {
        PlaceKind.City or PlaceKind.AdminArea => 1.0,
        PlaceKind.Region => 0.6,
        _ => 0.3,
    };
}
