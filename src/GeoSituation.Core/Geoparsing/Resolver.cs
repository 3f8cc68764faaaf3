using GeoSituation.Core.Gazetteer;

namespace GeoSituation.Core.Geoparsing;

/// <summary>Chooses, for each accepted toponym, which of the places with that name the article means.</summary>
/// <remarks>
/// Starts from a prior (a country or state before a town, a big town before a small one, a main name before an
/// alternate one) and adds what the article says: a qualifier ("Paris, Texas"), the countries and states the
/// article names or implies, and nearness to the article's other places. The same name keeps one meaning in
/// one article. Two passes: the first fixes the easy names, whose countries and states inform the second.
/// </remarks>
internal sealed class Resolver(Gazetteer.Gazetteer gazetteer)
{
    private const double Temperature = 1.0;

    public void Resolve(string text, List<Token> tokens, string[] lower, List<Candidate> accepted)
    {
        var entries = gazetteer.Entries;
        FindQualifiers(tokens, accepted);
        var context = new ArticleContext();
        // Pass 1: prior and qualifiers only.
        foreach (var c in accepted) Choose(c, accepted, tokens, lower, null);
        for (var pass = 0; pass < 2; pass++)
        {
            context.Clear();
            foreach (var c in accepted) context.Add(entries[c.Entry], c.ResolutionProbability);
            foreach (var c in accepted) Choose(c, accepted, tokens, lower, context);
        }
        OneSensePerDiscourse(accepted);
    }

    private void Choose(Candidate c, List<Candidate> all, List<Token> tokens, string[] lower, ArticleContext? context)
    {
        var entries = gazetteer.Entries;
        Span<double> scores = c.Hits.Length <= 256 ? stackalloc double[c.Hits.Length] : new double[c.Hits.Length];
        var qualifier = c.Qualifier >= 0 ? all[c.Qualifier] : null;
        var directional = c.FirstToken > 0 && ContextWords.Directional.Contains(lower[c.FirstToken - 1]);
        var bestIndex = 0;
        for (var h = 0; h < c.Hits.Length; h++)
        {
            var hit = c.Hits[h];
            var e = entries[hit.Entry];
            var s = Prior(e, hit.Source);
            if (directional && e.Kind is PlaceKind.Region or PlaceKind.Country) s += 1.5;
            if (qualifier is { Entry: >= 0 }) s += QualifierFit(e, entries[qualifier.Entry]);
            if (context is not null)
            {
                // Remove this mention's own vote so a name cannot confirm itself.
                var self = c.Entry >= 0 ? entries[c.Entry] : null;
                s += context.Fit(e, self, c.ResolutionProbability);
            }
            scores[h] = s;
            if (s > scores[bestIndex]) bestIndex = h;
        }
        // Softmax share of the winner: near 1 when one reading dominates, lower when a close second exists.
        var max = scores[bestIndex];
        var sum = 0.0;
        foreach (var s in scores) sum += Math.Exp((s - max) / Temperature);
        c.Entry = c.Hits[bestIndex].Entry;
        c.ResolutionProbability = 1.0 / sum;
    }

    private static double Prior(GazetteerEntry e, NameSource source)
    {
        var s = e.Kind switch
        {
            PlaceKind.Country => 10.0 + Math.Log10(Math.Max(10, e.Population)) / 10 - (e.FeatureCode == "PCLI" ? 0 : 1),
            PlaceKind.Region => e.FeatureCode is "CONT" or "TERR" ? 10 : 8.5,
            PlaceKind.AdminArea when e.FeatureCode == "ADM1" => 8.0 + Math.Log10(Math.Max(10, e.Population)) / 10,
            PlaceKind.AdminArea when e.PCode is not null => 7.0,
            PlaceKind.AdminArea => 4.5 + Math.Log10(Math.Max(10, e.Population)) / 3,
            _ => Math.Log10(Math.Max(10, e.Population)) + e.FeatureCode switch
            {
                "PPLC" => 2.0,
                "PPLA" => 1.0,
                "PPLA2" => 0.4,
                _ => 0,
            },
        };
        return s + source switch
        {
            NameSource.Alias => 1.0,
            NameSource.Alternate => -1.5,
            _ => 0,
        };
    }

    // "Paris, Texas": the qualifier's country or state must contain the place.
    private static double QualifierFit(GazetteerEntry e, GazetteerEntry q)
    {
        if (q.Kind == PlaceKind.Country) return e.CountryCode == q.CountryCode ? 4 : -4;
        if (q.FeatureCode == "ADM1") return e.CountryCode == q.CountryCode && e.Admin1Code == q.Admin1Code ? 6 : -4;
        if (q.FeatureCode == "ADM2") return e.CountryCode == q.CountryCode && e.Admin1Code == q.Admin1Code && e.Admin2Code == q.Admin2Code ? 5 : -2;
        return 0;
    }

    private void FindQualifiers(List<Token> tokens, List<Candidate> accepted)
    {
        for (var i = 0; i + 1 < accepted.Count; i++)
        {
            var c = accepted[i];
            var next = accepted[i + 1];
            if (next.FirstToken != c.LastToken + 1 || tokens[next.FirstToken].Before != Separator.Comma) continue;
            var qualifiesAsContainer = next.Hits.Any(h => gazetteer.Entries[h.Entry] is { Kind: PlaceKind.Country } or { FeatureCode: "ADM1" or "ADM2" });
            if (qualifiesAsContainer && !c.Hits.All(h => gazetteer.Entries[h.Entry].Kind == PlaceKind.Country)) c.Qualifier = i + 1;
        }
    }

    private void OneSensePerDiscourse(List<Candidate> accepted)
    {
        foreach (var group in accepted.GroupBy(c => c.Key))
        {
            if (!group.Skip(1).Any()) continue;
            var best = group.Where(c => c.Qualifier < 0).DefaultIfEmpty(group.First())
                .GroupBy(c => c.Entry).MaxBy(g => g.Sum(c => c.ResolutionProbability))!;
            foreach (var c in group)
            {
                if (c.Qualifier >= 0 || c.Entry == best.Key) continue;
                c.Entry = best.Key;
                c.ResolutionProbability = best.Average(x => x.ResolutionProbability) * 0.9;
            }
        }
    }

    /// <summary>Countries, states and positions the article talks about, weighted by confidence.</summary>
    private sealed class ArticleContext
    {
        private readonly Dictionary<string, double> countries = new(StringComparer.Ordinal);
        private readonly Dictionary<string, double> admin1 = new(StringComparer.Ordinal);
        private readonly List<(double Lat, double Lon, double Weight)> points = [];
        private double total;

        public void Clear()
        {
            countries.Clear();
            admin1.Clear();
            points.Clear();
            total = 0;
        }

        public void Add(GazetteerEntry e, double weight)
        {
            total += weight;
            if (e.CountryCode.Length > 0) countries[e.CountryCode] = countries.GetValueOrDefault(e.CountryCode) + weight;
            if (e.Admin1Code.Length > 0) admin1[e.CountryCode + "." + e.Admin1Code] = admin1.GetValueOrDefault(e.CountryCode + "." + e.Admin1Code) + weight;
            if (e.Kind is PlaceKind.City or PlaceKind.AdminArea) points.Add((e.Latitude, e.Longitude, weight));
        }

        public double Fit(GazetteerEntry e, GazetteerEntry? self, double selfWeight)
        {
            var others = total - (self is null ? 0 : selfWeight);
            if (others <= 0.01) return 0;
            var s = 0.0;
            var countryVotes = countries.GetValueOrDefault(e.CountryCode) - (self?.CountryCode == e.CountryCode && self.CountryCode.Length > 0 ? selfWeight : 0);
            s += 3.0 * Math.Min(1, countryVotes / Math.Max(1, others * 0.5));
            if (e.Admin1Code.Length > 0 && e.Kind != PlaceKind.Country)
            {
                var key = e.CountryCode + "." + e.Admin1Code;
                var selfKey = self is null ? "" : self.CountryCode + "." + self.Admin1Code;
                var votes = admin1.GetValueOrDefault(key) - (selfKey == key ? selfWeight : 0);
                s += 2.5 * Math.Min(1, votes);
            }
            if (e.Kind is PlaceKind.City or PlaceKind.AdminArea && points.Count > 0)
            {
                var near = 0.0;
                foreach (var (lat, lon, w) in points)
                {
                    if (self is not null && lat == self.Latitude && lon == self.Longitude) continue;
                    var km = Geo.Kilometres(e.Latitude, e.Longitude, lat, lon);
                    near = Math.Max(near, w * Math.Exp(-km / 150));
                }
                s += 2.0 * near;
            }
            return s;
        }
    }
}
