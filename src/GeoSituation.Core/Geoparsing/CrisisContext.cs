using GeoSituation.Core.Gazetteer;

namespace GeoSituation.Core.Geoparsing;

/// <summary>
/// The article's own geography decides weak readings: a misspelling, or a small town, that the resolver placed in a
/// country the article never names and far from every other place it names, is taken in the article's countries when
/// the name has a reading there, and dropped otherwise.
/// </summary>
/// <remarks>
/// Crisis reporting names camps, villages and districts the gazetteer may not hold; the nearest notable spelling or
/// a same-named hamlet on another continent then wins ("Nasir county" read in Turkey, "Mbera camp" as Mbeya in
/// Tanzania, "Hiran" in Iraq in a story about Somali floods). A planner is better served by no point than by one
/// 5,000 km off. The rule needs clear context: other places of the article, in other countries, carrying at least
/// <see cref="MinimumContext"/> of evidence, none of them within <see cref="FarKilometres"/>. Countries, regions and
/// towns of <see cref="NotablePopulation"/> or more are never dropped: news names them from anywhere.
/// </remarks>
internal static class CrisisContext
{
    private const double MinimumContext = 1.0;
    private const double FarKilometres = 1500;
    private const long NotablePopulation = 100_000;
    // Every weak mention is compared with every other one: past this many mentions (a run-on or hostile text) the
    // article is no news story to read a geography from, and the pass would be quadratic.
    private const int MaxMentions = 500;

    public static void Apply(Gazetteer.Gazetteer gazetteer, List<Candidate> candidates)
    {
        var entries = gazetteer.Entries;
        var accepted = candidates.Where(c => c.Accepted && c.Entry >= 0).ToList();
        if (accepted.Count < 2 || accepted.Count > MaxMentions) return;
        foreach (var c in accepted)
        {
            var entry = entries[c.Entry];
            if (!IsWeak(c, entry)) continue;
            var context = 0.0;
            var near = false;
            var countries = new HashSet<string>(StringComparer.Ordinal);
            foreach (var other in accepted)
            {
                if (other.Key == c.Key || !other.Accepted) continue;
                var o = entries[other.Entry];
                if (o.CountryCode.Length > 0 && o.CountryCode == entry.CountryCode) { near = true; break; }
                if (other.Fuzzy) continue;
                context += other.ResolutionProbability * Math.Min(1, other.Recognition);
                if (o.CountryCode.Length > 0) countries.Add(o.CountryCode);
                if (o.Kind != PlaceKind.Country && Geo.Kilometres(o.Latitude, o.Longitude, entry.Latitude, entry.Longitude) < FarKilometres) { near = true; break; }
            }
            if (near || context < MinimumContext || countries.Count == 0) continue;
            var inContext = Array.FindIndex(c.Hits, h => countries.Contains(entries[h.Entry].CountryCode));
            if (inContext >= 0)
            {
                c.Entry = c.Hits[inContext].Entry;
                c.ResolutionProbability *= 0.8;
            }
            else
            {
                c.Accepted = false;
            }
        }
    }

    private static bool IsWeak(Candidate c, GazetteerEntry entry) =>
        (c.Fuzzy && !c.InArticleMisspelling)
        || (entry.Kind == PlaceKind.City && entry.Population < NotablePopulation && entry.FeatureCode is not ("PPLC" or "PPLA"))
        || (entry.Kind == PlaceKind.AdminArea && entry.FeatureCode == "ADM2");
}
