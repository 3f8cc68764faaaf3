using GeoSituation.Core.Extraction;
using GeoSituation.Core.Gazetteer;
using GeoSituation.Core.Geoparsing;

namespace GeoSituation.Core.Events;

/// <summary>Where an event happens: the candidate places of a sentence, their consistency with the article, the finest scene
/// among nearby places, coordinated and listed places, and the landmarks that only locate a scene.</summary>
internal sealed partial class EventScan
{
    private readonly List<Toponym> recovered = [];
    private List<Toponym>? distinctSurePlaces;

    // The article's fairly sure places, each once: what a recovered name is measured against (a text that repeats a
    // name ten thousand times has one place to compare with, not ten thousand).
    private List<Toponym> DistinctSurePlaces => distinctSurePlaces ??= toponyms
        .Where(t => t.Confidence >= 0.5)
        .DistinctBy(t => t.Place.Id)
        .ToList();
    private readonly List<Toponym> consistent = [];

    // "the Daraj neighbourhood of Gaza City" read as Dar'a in Syria, "Merawi" in Amhara read as Merowe in Sudan: an
    // approximate reading in a country no other place of the article is in is not a scene; the name
    // stays free for the recovery, which looks in the article's countries.
    private IReadOnlyList<Toponym> Consistent(IReadOnlyList<Toponym> inSentence)
    {
        consistent.Clear();
        foreach (var t in inSentence)
        {
            if (IsForeign(t) && recovery is not null)
            {
                if (recovery.Relocate(t, ArticleCountries, DistinctSurePlaces) is { } moved) consistent.Add(moved);
                else if (!recovery.IsApproximate(t)) consistent.Add(t);
                continue;
            }
            consistent.Add(t);
        }
        return consistent;
    }

    // Per article: how many fairly sure names each country has, and how many of those are this very name.
    private Dictionary<string, int>? namesByCountry;
    private Dictionary<(string Country, string Surface), int>? sameNameByCountry;

    // No other fairly sure place of the article is in this place's country, while some are in other countries.
    private bool IsForeign(Toponym toponym)
    {
        if (toponym.Place.CountryCode.Length != 2) return false;
        if (namesByCountry is null)
        {
            namesByCountry = new Dictionary<string, int>(StringComparer.Ordinal);
            sameNameByCountry = [];
            foreach (var t in toponyms)
            {
                if (t.Confidence < 0.5 || t.Place.CountryCode.Length != 2) continue;
                namesByCountry[t.Place.CountryCode] = namesByCountry.GetValueOrDefault(t.Place.CountryCode) + 1;
                var key = (t.Place.CountryCode, t.Surface.ToLowerInvariant());
                sameNameByCountry[key] = sameNameByCountry.GetValueOrDefault(key) + 1;
            }
        }
        var surface = toponym.Surface.ToLowerInvariant();
        var own = namesByCountry.GetValueOrDefault(toponym.Place.CountryCode) - sameNameByCountry!.GetValueOrDefault((toponym.Place.CountryCode, surface));
        if (own > 0) return false;
        foreach (var (country, count) in namesByCountry)
        {
            if (country != toponym.Place.CountryCode && count - sameNameByCountry!.GetValueOrDefault((country, surface)) > 0) return true;
        }
        return false;
    }
    private HashSet<string>? articleCountries;

    // "bombed the nearby villages of Zebdine and Kfar Tebnit": a name joined to a place of the sentence by "and" or a
    // comma is governed as that place is.
    private bool ListedAfterPlace(int k, IReadOnlyList<Toponym> inSentence)
    {
        if (!(tokens.Is(k - 1, "and") || tokens.Is(k - 1, "or") || tokens.IsSymbol(k - 1, ','))) return false;
        var previousEnd = k >= 2 ? tokens[k - 2].End : -1;
        foreach (var t in inSentence)
        {
            if (t.Span.End == previousEnd)
            {
                var first = tokens.FirstTokenOverlapping(t.Span.Start, t.Span.End);
                return first >= 0 && IsGoverned(first);
            }
        }
        return false;
    }

    // "broke through its lines at Bweremana in North Kivu and at Minova in South Kivu", "killing one person in Houla,
    // another in Aitaroun and a third in Blida": towns each with their own locative, coordinated under one cue, are
    // each a scene (ACLED codes one event per location).
    private void AddCoordinatedScenes()
    {
        // Pairs of scenes and candidates: bounded, so a run-on "sentence" of thousands of names stays linear.
        if (chosen.Count * candidates.Count > MaxPairs) return;
        var count = chosen.Count;
        for (var c = 0; c < count; c++)
        {
            var (cue, kept, _, _) = chosen[c];
            if (kept.Place.Kind is not (PlaceKind.City or PlaceKind.AdminArea)) continue;
            var keptFirst = tokens.FirstTokenOverlapping(kept.Span.Start, kept.Span.End);
            var keptEnd = tokens.EndTokenOverlapping(keptFirst, kept.Span.End);
            foreach (var (toponym, first, end, marked) in candidates)
            {
                if (!marked || toponym.Place.Kind is not (PlaceKind.City or PlaceKind.AdminArea) || first < keptEnd && end > keptFirst || toponym.Place.Id == kept.Place.Id
                    || toponym.Place.CountryCode != kept.Place.CountryCode || tokens.In(end, AreaWords)) continue;
                if (chosen.Exists(x => x.Place.Place.Id == toponym.Place.Id) || GoverningCue(first, end) is not { } governing || governing.Token != cue.Token) continue;
                var coordinated = first >= keptEnd ? CoordinatedBetween(keptEnd, first) : CoordinatedBetween(end, keptFirst) && LocativeBefore(keptFirst);
                if (!LocativeBefore(first) || !coordinated) continue;
                chosen.Add((cue, toponym, IsVicinity(first), marked));
            }
        }
    }

    private static readonly WordSet AreaWords = new("region", "province", "state", "oblast", "governorate", "district", "county", "territory");

    private bool LocativeBefore(int first)
    {
        for (int k = first - 1, steps = 0; k >= 0 && steps < 4; k--, steps++)
        {
            if (tokens.In(k, Locatives)) return true;
            if (!tokens.In(k, PlaceFillers)) return false;
        }
        return false;
    }

    private bool CoordinatedBetween(int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (tokens.IsClauseBreak(k)) return false;
            if (tokens.Is(k, "and") || tokens.IsSymbol(k, ',') && (tokens.Is(k + 1, "another") || tokens.Is(k + 1, "and"))) return true;
        }
        return false;
    }

    // "overran the division headquarters in El Fasher, the last army stronghold in Darfur, after a siege": an area
    // that holds another scene of the sentence only locates it; ACLED codes the most precise place.
    private const int MaxPairs = 4096;

    private static bool Violent(EventCue cue) =>
        cue.Type is SituationEventType.Battles or SituationEventType.ExplosionsRemoteViolence or SituationEventType.ViolenceAgainstCivilians;

    // Two places each with its own locative joined by "and" are two scenes, however near ("in Jenin and in Tubas").
    private bool Coordinated(Toponym a, Toponym b)
    {
        var (first, second) = a.Span.Start < b.Span.Start ? (a, b) : (b, a);
        var firstEnd = tokens.EndTokenOverlapping(tokens.FirstTokenOverlapping(first.Span.Start, first.Span.End), first.Span.End);
        var secondFirst = tokens.FirstTokenOverlapping(second.Span.Start, second.Span.End);
        return CoordinatedBetween(firstEnd, secondFirst) && LocativeBefore(secondFirst);
    }

    private void DropLocatingAreas()
    {
        if (chosen.Count < 2 || chosen.Count * chosen.Count > MaxPairs) return;
        chosen.RemoveAll(c => chosen.Exists(d => d.Place.Place.Id != c.Place.Place.Id && Fineness(d.Place.Place) < Fineness(c.Place.Place)
            && !Coordinated(c.Place, d.Place)
            && (Fineness(c.Place.Place) >= 3 && Holds(c.Place.Place, d.Place.Place)
                // "shelling hit a tent camp in the al-Mawasi area south of Khan Younis, killing six": the town the
                // finer scene is placed by, reached by another cue of the same attack.
                || Violent(c.Cue) && Violent(d.Cue) && AreNear(c.Place.Place, d.Place.Place))));
    }

    private const double HoldsKilometres = 100;

    private static bool Holds(GazetteerEntry area, GazetteerEntry place)
    {
        // Ray crossing, not Geometry.Contains: some country outlines are not valid polygons (dateline slivers), and
        // a point-in-area test needs no valid topology.
        if (area.Boundary is { } boundary)
            return NetTopologySuite.Algorithm.Locate.SimplePointInAreaLocator.Locate(new NetTopologySuite.Geometries.Coordinate(place.Longitude, place.Latitude), boundary)
                   != NetTopologySuite.Geometries.Location.Exterior;
        return Geo.Kilometres(area.Latitude, area.Longitude, place.Latitude, place.Longitude) <= HoldsKilometres;
    }

    // The candidates joined to the chosen place by commas, "and" or "or", of the same kind, on either side of it.
    private IEnumerable<Toponym> ListedWith(Toponym chosenPlace)
    {
        var at = candidates.FindIndex(c => c.Toponym.Span.Start == chosenPlace.Span.Start);
        if (at < 0) yield break;
        for (var i = at + 1; i < candidates.Count && Joined(candidates[i - 1].End, candidates[i].First) && SameRank(candidates[i], chosenPlace); i++)
            yield return candidates[i].Toponym;
        for (var i = at - 1; i >= 0 && Joined(candidates[i].End, candidates[i + 1].First) && SameRank(candidates[i], chosenPlace); i--)
            yield return candidates[i].Toponym;
    }

    private static bool SameRank((Toponym Toponym, int First, int End, bool Marked) candidate, Toponym chosenPlace) =>
        Rank(candidate.Toponym.Place.Kind) == Rank(chosenPlace.Place.Kind) && candidate.Toponym.Place.Id != chosenPlace.Place.Id;

    private bool Joined(int end, int next)
    {
        if (next <= end || next - end > 3) return false;
        for (var k = end; k < next; k++)
        {
            if (!(tokens.IsSymbol(k, ',') || tokens.Is(k, "and") || tokens.Is(k, "or") || tokens.In(k, PlaceFillers))) return false;
        }
        return true;
    }

    private (GazetteerEntry Place, double Confidence)? BorrowedPlace(int sentence)
    {
        var last = tokens.Count - 1;
        while (last >= 0 && !tokens.IsWord(last)) last--;
        if (last < 0 || !tokens.In(last, DanglingEnds) || sentence + 1 >= sentences.Count || Places.Teasers[sentence + 1]) return null;
        var next = Places.In(sentence + 1);
        if (next.Count == 0) return null;
        var opening = next[0];
        var firstLetter = sentences[sentence + 1].Start;
        while (firstLetter < opening.Span.Start && !char.IsLetterOrDigit(text[firstLetter])) firstLetter++;
        return opening.Span.Start == firstLetter ? (opening.Place, opening.Confidence) : null;
    }

    private void LoadCandidates(int sentence)
    {
        candidates.Clear();
        var anyMarked = false;
        var inSentence = Consistent(Places.In(sentence));
        recovered.Clear();
        recovery?.Find(tokens, k => IsGoverned(k) || ListedAfterPlace(k, inSentence), inSentence, ArticleCountries, DistinctSurePlaces, recovered);
        IEnumerable<Toponym> all = recovered.Count == 0 ? inSentence : inSentence.Concat(recovered).OrderBy(t => t.Span.Start);
        foreach (var toponym in all)
        {
            var first = tokens.FirstTokenOverlapping(toponym.Span.Start, toponym.Span.End);
            if (first < 0) continue;
            var end = tokens.EndTokenOverlapping(first, toponym.Span.End);
            // "Israel's army" is an actor; "Sanaa's airport", "Nabatieh's town hall" is where it happened.
            var facility = tokens.IsPossessiveAt(end) && (tokens.In(end + 2, Facilities) || tokens.In(end + 3, Facilities));
            if (tokens.IsPossessiveAt(end) && !facility) continue;
            // "the Kafr Qasim school", "Kamal Adwan hospital": a place's name inside an institution's name.
            if (tokens.In(end, NamedInstitutions)) continue;
            // "Ain el-Delb, east of Sidon": a landmark to locate the place before it.
            if (IsLandmark(first)) continue;
            var marked = IsGoverned(first) || (facility && IsGoverned(first));
            if (!marked && toponym.Place.Kind is PlaceKind.Country or PlaceKind.Region) continue;
            anyMarked |= marked;
            candidates.Add((toponym, first, end, marked));
        }
        // "in Tel Aviv, Jerusalem, Haifa and Beersheba": places listed after a governed place are governed too, and so is
        // the part of a governed place named after its possessive ("in Gaza City's Sabra neighbourhood").
        for (var i = 1; i < candidates.Count; i++)
        {
            var previous = candidates[i - 1];
            var partOf = tokens.IsPossessiveAt(previous.End) && candidates[i].First == previous.End + 2;
            if (!candidates[i].Marked && previous.Marked && (partOf || Joined(previous.End, candidates[i].First)))
                candidates[i] = candidates[i] with { Marked = true };
        }
        // An unmarked city is the scene only when nothing better is named.
        if (anyMarked) candidates.RemoveAll(c => !c.Marked);
        else if (candidates.Count > 1) candidates.Clear();
    }

    private static readonly WordSet Facilities = new(
        "airport", "port", "harbour", "harbor", "hall", "centre", "center", "outskirts", "suburbs", "market", "hospital",
        "refinery", "station", "bridge", "camp", "neighbourhood", "neighborhood", "district", "old", "main", "southern",
        "northern", "eastern", "western", "central", "international");

    private static readonly WordSet NamedInstitutions = new(
        "school", "hospital", "mosque", "church", "university", "clinic", "stadium", "programme", "program", "brigade",
        "brigades", "battalion", "movement", "front", "council", "committee", "agreement", "accords", "process", "format",
        "street", "road", "square", "boulevard", "avenue", "embassy", "consulate", "envoy", "ambassador", "officials", "citizens",
        "nationals");

    private static readonly WordSet Bearings = new(
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east", "north-west",
        "south-east", "south-west");

    private bool IsLandmark(int first)
    {
        if (!tokens.Is(first - 1, "of")) return false;
        var k = first - 2;
        if (!tokens.In(k, Bearings)) return false;
        return tokens.IsSymbol(k - 1, ',') || tokens.Is(k - 1, "km") || tokens.Is(k - 1, "kilometres") || tokens.Is(k - 1, "miles") || tokens.IsNumber(k - 1)
               || tokens.Is(k - 1, "just") || tokens.Is(k - 1, "some");
    }

    private bool IsGoverned(int first)
    {
        for (int k = first - 1, steps = 0; k >= 0 && steps < 6; k--, steps++)
        {
            if (tokens.In(k, Locatives) || tokens.In(k, ObjectVerbs)) return true;
            // "captured the mining town of Toretsk": a few lower-case descriptors may stand between verb and place.
            var descriptor = steps < 4 && tokens.IsWord(k) && !tokens.IsCapitalised(k) && !tokens.Is(k, "and") && !tokens.Is(k, "said");
            if (!tokens.In(k, PlaceFillers) && !tokens.IsSymbol(k, '-') && !descriptor) return false;
        }
        return false;
    }

    private bool IsVicinity(int first)
    {
        for (int k = first - 1, steps = 0; k >= 0 && steps < 4; k--, steps++)
        {
            if (tokens.In(k, Vicinity)) return true;
            if (!tokens.In(k, PlaceFillers)) return false;
        }
        return false;
    }

    // ACLED codes the most precise location stated: of two places a few kilometres apart ("the al-Mawasi area west of
    // Khan Younis", "Aitou, a village in the Zgharta district", "Gaza City's Sabra neighbourhood") the finer one is the
    // scene and the other locates it. Far apart, they are two scenes and the kind decides (a town before its province).
    private static bool IsMoreSpecific(GazetteerEntry a, GazetteerEntry b)
    {
        if (AreNear(a, b)) return Fineness(a) < Fineness(b);
        return Rank(a.Kind) < Rank(b.Kind);
    }

    private const double NearKilometres = 40;

    private static bool AreNear(GazetteerEntry a, GazetteerEntry b) =>
        a.Id != b.Id && Geo.Kilometres(a.Latitude, a.Longitude, b.Latitude, b.Longitude) <= NearKilometres;

    // Smaller is finer: a neighbourhood or camp, then a small named area or village, a town, a city, an admin area,
    // a large region, a country.
    private static int Fineness(GazetteerEntry place) => place.Kind switch
    {
        PlaceKind.City when place.FeatureCode is "PPLX" or "CMPRF" => 0,
        // A small named area inside a province ("al-Mawasi", "Bhasan Char": a point with an admin-1 parent), not a
        // part of a country named by its direction ("Southern Gaza") or a region across provinces ("Darfur").
        PlaceKind.Region when place.Boundary is null && place.Admin1Code.Length > 0 && !NamedByDirection(place.Name) => 1,
        PlaceKind.City when place.Population < 100_000 => 1,
        PlaceKind.City => 2,
        PlaceKind.AdminArea => 3,
        PlaceKind.Region => 4,
        _ => 5,
    };

    private static int Rank(PlaceKind kind) => kind switch
    {
        PlaceKind.City => 0,
        PlaceKind.AdminArea => 1,
        PlaceKind.Region => 2,
        _ => 3,
    };

    // ACLED geo-precision: 1 the town itself, 2 near a town or a part of a region (a governorate), 3 a larger region or country.
    private static readonly WordSet DirectionWords = new(
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast", "northwest",
        "southeast", "southwest", "upper", "lower", "greater");

    private static bool NamedByDirection(string name)
    {
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && DirectionWords.Contains(name.AsSpan(0, space));
    }

    private static int PrecisionOf(GazetteerEntry place, bool vicinity) => place.Kind switch
    {
        PlaceKind.City => vicinity ? 2 : 1,
        PlaceKind.AdminArea => 2,
        _ => 3,
    };
}
