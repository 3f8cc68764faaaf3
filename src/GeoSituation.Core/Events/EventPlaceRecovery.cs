using GeoSituation.Core.Extraction;
using GeoSituation.Core.Gazetteer;
using GeoSituation.Core.Geoparsing;
using GeoSituation.Core.Text;

namespace GeoSituation.Core.Events;

/// <summary>Finds the village or town an event cue points at when the geoparser let its name go.</summary>
/// <remarks>
/// <para>The geoparser is tuned for running text, where a small town's name is more often a word or a person
/// ("Sake", "Komanda"), and drops names it is not sure of. An event cue changes the odds: the capitalised name
/// right after "seized", "stormed", "in the village of" is a place far more often than not, and ACLED codes the
/// most precise location stated. So in a sentence with an event cue, a governed capitalised name that the gazetteer
/// knows as a populated place in a country the article is about becomes a candidate scene, at low confidence.</para>
/// <para>Only populated places qualify (a country or region needs no rescue), only in the article's countries (so
/// a name shared by a town on another continent never comes in), and never an actor's name.</para>
/// </remarks>
internal sealed class EventPlaceRecovery(Gazetteer.Gazetteer gazetteer, ActorDictionary actors, SmallPlaces? smallPlaces = null)
{
    public const double Confidence = 0.55;
    private const int MaxWords = 4;

    private static readonly WordSet Particles = new("al", "el", "ad", "as", "ash", "an", "ar", "at", "az", "de", "du", "la", "le", "des", "ed", "ez", "um", "umm", "abu", "bin", "ben", "wad");

    /// <summary>Toponyms for governed names in the loaded sentence that no accepted toponym covers.</summary>
    /// <param name="tokens">The sentence.</param>
    /// <param name="governed">Whether a name starting at a token is governed by a locative or an event verb.</param>
    /// <param name="accepted">The geoparser's toponyms in this sentence.</param>
    /// <param name="articleCountries">Countries the article's accepted places are in.</param>
    /// <param name="articlePlaces">The article's accepted places, to choose among same-named towns.</param>
    public void Find(SentenceTokens tokens, Func<int, bool> governed, IReadOnlyList<Toponym> accepted,
        IReadOnlySet<string> articleCountries, IReadOnlyList<Toponym> articlePlaces, List<Toponym> found)
    {
        for (var k = 1; k < tokens.Count; k++)
        {
            if (!tokens.IsCapitalised(k) || Covered(tokens, k, accepted) || !governed(k)) continue;
            if (actors.MatchAt(tokens, k, out _) is not null) continue;
            if (gazetteer.WordClassOf(tokens.Chars(k).ToString().ToLowerInvariant()) is var cls
                && (cls & (WordClass.Month | WordClass.Weekday | WordClass.Honorific)) != 0) continue;
            if (Longest(tokens, k, accepted, articleCountries, articlePlaces) is not { } hit) continue;
            found.Add(hit.Toponym);
            k = hit.End - 1;
        }
    }

    private (Toponym Toponym, int End)? Longest(SentenceTokens tokens, int start, IReadOnlyList<Toponym> accepted,
        IReadOnlySet<string> countries, IReadOnlyList<Toponym> articlePlaces)
    {
        // The name's words: capitalised words, glued hyphens and the particles of Arabic and French names
        // ("Wad al-Nourah", "Pétion-Ville", "Kfar Tebnit").
        var ends = new List<int>();
        var words = 0;
        for (var k = start; k < tokens.Count && words < MaxWords; k++)
        {
            if (tokens.IsDash(k) && tokens.IsGlued(k)) continue;
            if (!tokens.IsWord(k) || Covered(tokens, k, accepted)) break;
            var particle = k > start && tokens.In(k, Particles) && !tokens.IsCapitalised(k);
            if (!tokens.IsCapitalised(k) && !particle) break;
            words++;
            if (!particle) ends.Add(k + 1);
        }
        // The whole capitalised run names the place: "Nyaung Kone" is not the village "Nyaung".
        for (var e = ends.Count - 1; e >= ends.Count - 1 && e >= 0; e--)
        {
            var end = ends[e];
            var span = new TextSpan(tokens[start].Start, tokens[end - 1].End);
            var surface = tokens.Text.Substring(span.Start, span.Length);
            if (Best(surface, countries, articlePlaces) is { } place) return (new Toponym(span, surface, place, Confidence), end);
        }
        return null;
    }

    private GazetteerEntry? Best(string surface, IReadOnlySet<string> countries, IReadOnlyList<Toponym> articlePlaces, bool largeTownsElsewhere = true)
    {
        GazetteerEntry? best = null, largest = null;
        var bestDistance = double.MaxValue;
        var towns = 0;
        foreach (var hit in gazetteer.Lookup(surface))
        {
            var entry = gazetteer.Entries[hit.Entry];
            if (entry.Kind != PlaceKind.City) continue;
            towns++;
            if (largest is null || entry.Population > largest.Population) largest = entry;
            if (!countries.Contains(entry.CountryCode)) continue;
            var distance = Nearest(entry, articlePlaces);
            if (distance < bestDistance || (distance == bestDistance && entry.Population > best!.Population)) (best, bestDistance) = (entry, distance);
        }
        // Villages too small for the gazetteer come from the event-only small-places layer, in the article's countries.
        best ??= SmallPlace(surface, countries, articlePlaces);
        // Outside the article's countries ("killed by Israeli fire in Tulkarem", "a US strike on Saada"), only a
        // town that dwarfs every namesake: a sizeable place is what news means by a bare name.
        // It must also lie near what the article is about ("Lynn" is not a village in Myanmar's Sagaing).
        if (best is null && largeTownsElsewhere && largest is { Population: >= LargeTown } && (towns == 1 || SecondLargest(surface, largest) * 10 < largest.Population)
            && NearestAny(largest, articlePlaces) <= NeighbourKilometres) best = largest;
        return best;
    }

    private const long LargeTown = 20_000;

    // Of the small places of that name in the article's countries, the one nearest the article's places; with nothing
    // to measure against, only a name that is one place. A name that is also a person's name or an ordinary word
    // ("Adam", "June") is no village here: the gazetteer's word classes screen it.
    private GazetteerEntry? SmallPlace(string surface, IReadOnlySet<string> countries, IReadOnlyList<Toponym> articlePlaces)
    {
        if (smallPlaces is null || (!surface.Contains(' ', StringComparison.Ordinal) && IsWordOrPerson(surface))) return null;
        GazetteerEntry? best = null;
        var bestDistance = double.MaxValue;
        var found = 0;
        foreach (var country in countries)
        {
            foreach (var entry in smallPlaces.Lookup(surface, country))
            {
                found++;
                var distance = Nearest(entry, articlePlaces);
                if (best is null || distance < bestDistance) (best, bestDistance) = (entry, distance);
            }
        }
        return bestDistance < double.MaxValue || found == 1 ? best : null;
    }

    private bool IsWordOrPerson(string surface)
    {
        var cls = gazetteer.WordClassOf(surface.ToLowerInvariant());
        return (cls & (WordClass.GivenName | WordClass.Surname | WordClass.Person | WordClass.Common | WordClass.Month | WordClass.Weekday)) != 0;
    }
    private const double NeighbourKilometres = 300;

    private static double NearestAny(GazetteerEntry entry, IReadOnlyList<Toponym> places)
    {
        var nearest = double.MaxValue;
        foreach (var t in places)
        {
            if (t.Confidence < 0.5) continue;
            nearest = Math.Min(nearest, Geo.Kilometres(entry.Latitude, entry.Longitude, t.Place.Latitude, t.Place.Longitude));
        }
        return nearest;
    }

    private long SecondLargest(string surface, GazetteerEntry largest)
    {
        long second = 0;
        foreach (var hit in gazetteer.Lookup(surface))
        {
            var entry = gazetteer.Entries[hit.Entry];
            if (entry.Kind == PlaceKind.City && entry.Id != largest.Id) second = Math.Max(second, entry.Population);
        }
        return second;
    }

    private static double Nearest(GazetteerEntry entry, IReadOnlyList<Toponym> places)
    {
        var nearest = double.MaxValue;
        foreach (var t in places)
        {
            if (t.Place.CountryCode != entry.CountryCode) continue;
            nearest = Math.Min(nearest, Geo.Kilometres(entry.Latitude, entry.Longitude, t.Place.Latitude, t.Place.Longitude));
        }
        return nearest;
    }

    /// <summary>The same name as a town in the article's countries, for a reading that put it in a country the
    /// article is not about ("Merawi" in Amhara read as Merowe in Sudan); null when the article's countries have none.</summary>
    public Toponym? Relocate(Toponym toponym, IReadOnlySet<string> articleCountries, IReadOnlyList<Toponym> articlePlaces)
    {
        if (toponym.Place.Kind != PlaceKind.City) return null;
        if (Best(toponym.Surface, articleCountries, articlePlaces, largeTownsElsewhere: false) is not { } place || place.CountryCode == toponym.Place.CountryCode) return null;
        return new Toponym(toponym.Span, toponym.Surface, place, Confidence);
    }

    /// <summary>True when the name as written is not a name of the place it was read as (a fuzzy reading).</summary>
    public bool IsApproximate(Toponym toponym)
    {
        foreach (var hit in gazetteer.Lookup(toponym.Surface))
        {
            if (gazetteer.Entries[hit.Entry].Id == toponym.Place.Id) return false;
        }
        return true;
    }

    private static bool Covered(SentenceTokens tokens, int k, IReadOnlyList<Toponym> accepted)
    {
        var start = tokens[k].Start;
        foreach (var t in accepted)
        {
            if (start >= t.Span.Start && start < t.Span.End) return true;
        }
        return false;
    }
}
