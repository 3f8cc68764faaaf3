using GeoSituation.Core.Extraction;
using GeoSituation.Core.Gazetteer;
using GeoSituation.Core.Geoparsing;
using GeoSituation.Core.Numbers;
using GeoSituation.Core.Text;

namespace GeoSituation.Core.Displacement;

/// <summary>One pass over an article that turns its number expressions into displacement figures.</summary>
/// <remarks>
/// For each number expression of a sentence:
/// <list type="number">
/// <item>the noun after it must count people (or be absent: "1.4 million have fled"); militants, months,
/// trucks and dates are rejected there;</item>
/// <item>the nearest cue word on either side must be a displacement cue (fled, displaced, sheltering...), not
/// a harm cue (killed, wounded, hostages) or a return;</item>
/// <item>the place comes from the sentence's toponyms read with their prepositions (At / From, a flow when
/// both), else from <see cref="DiscourseFocus"/>, the place the preceding sentences are about;</item>
/// <item>the as-of date is a date stated in the sentence (not a "since" date), else the publication day.</item>
/// </list>
/// </remarks>
internal sealed class DisplacementScan(string text, IReadOnlyList<TextSpan> sentences, IReadOnlyList<Toponym> toponyms, DateOnly? published)
{
    private const int RightWindow = 16;
    private const int LeftWindow = 12;
    // How far (in tokens) a place or a shelter word may be from a figure. It also keeps a run-on "sentence" of
    // thousands of words (a feed without punctuation) linear: every look-up is local to the figure.
    private const int PlaceWindow = 40;

    private readonly SentenceTokens tokens = new();
    private readonly List<NumberExpression> numbers = [];
    private readonly List<PlaceRoles.Candidate> candidates = [];
    // A place whose institution speaks in the sentence ("Tigray's interim administration says"): a fallback place.
    private GazetteerEntry? speakerPlace;
    private ArticlePlaces? places;

    // Per sentence, computed on first need: the same for every figure of the sentence.
    private DateExpression? sentenceAsOf;
    private bool sentenceAsOfKnown;
    private (GazetteerEntry Place, double Share)? sentenceFocus;
    private bool sentenceFocusKnown;
    // The last figure kept in this sentence: a list ("262,645 to Al Jazirah, 114,759 to Sennar") shares its cue.
    private (CueKind Cue, int EndToken)? previousFigure;
    private (HeadKind Kind, int EndToken)? previousHead;

    // Most sentences hold no figure, so the per-article place index is built on first need.
    private ArticlePlaces Places => places ??= ArticlePlaces.Build(text, sentences, toponyms);

    public List<DisplacementFigure> Run()
    {
        var figures = new List<DisplacementFigure>();
        for (var s = 0; s < sentences.Count; s++)
        {
            if (TeaserLines.IsTeaser(text, sentences[s])) continue;
            tokens.Load(text, sentences[s]);
            sentenceAsOfKnown = sentenceFocusKnown = false;
            previousFigure = null;
            previousHead = null;
            numbers.Clear();
            NumberExpressionParser.FindAll(tokens, numbers);
            for (var n = 0; n < numbers.Count; n++)
            {
                if (TryFigure(s, ref n, out var figure)) figures.Add(figure);
            }
        }
        return figures;
    }

    private bool TryFigure(int sentence, ref int n, out DisplacementFigure figure)
    {
        figure = null!;
        var index = n;
        var number = numbers[n];
        var first = number.FirstToken;
        var end = number.EndToken;
        long value = number.Value;
        long? low = number.Low, high = number.High;
        var isPercentOfPopulation = false;

        if (number.Percent is { } percent)
        {
            // "85 percent of Gaza's 2.3 million people": only with the population stated in the same phrase.
            if (!tokens.Is(end, "of") || n + 1 >= numbers.Count) return false;
            var population = numbers[n + 1];
            if (population.FirstToken > end + 6 || population.Percent is not null || population.IsVague) return false;
            // "75% of the population, or 1.7 million people": an aside restating the share is not its base.
            for (var k = end + 1; k < population.FirstToken; k++)
            {
                if (tokens.IsSymbol(k, ',') || tokens.IsSymbol(k, '(') || tokens.Is(k, "or")) return false;
            }
            value = (long)Math.Round(percent / 100 * population.Value);
            (low, high) = Qualifiers.BoundOf(number.Qualifier) switch
            {
                Qualifiers.Bound.AtMost => ((long?)null, (long?)value),
                Qualifiers.Bound.AtLeast => (value, null),
                _ => (value, value),
            };
            end = population.EndToken;
            isPercentOfPopulation = true;
            n++;
        }
        else if (IsDateDay(first) || IsOldValueOfChange(number) || IsRatio(number))
        {
            return false;
        }

        var head = DisplacementCues.Head(tokens, end, number.IsVague, out var headEnd);
        var previousCountedThings = previousHead is { } ph && ph.Kind == HeadKind.Other && first - ph.EndToken <= 12;
        // Only a plural noun counts things a later bare number may share ("500 trucks ... fewer than 100"), not a date.
        if (tokens.IsWord(end) && !tokens.IsCapitalised(end) && tokens.Chars(end).EndsWith("s", StringComparison.OrdinalIgnoreCase)
            && !DisplacementCues.IsTimeUnit(tokens, end)) previousHead = (head, headEnd);
        if (head == HeadKind.Other) return false;
        // "500 trucks a day entered Gaza, compared with fewer than 100 now": a bare number right after a count of
        // things counts the same things.
        if (head == HeadKind.Implicit && previousCountedThings) return false;
        if (number.IsYearLike && head is not (HeadKind.People or HeadKind.Displaced)) return false;
        // Below ten people a figure is an anecdote ("four men forced their way in", "two Kenyan citizens arrived"),
        // not a displacement estimate a planner maps.
        if (value < 10 || IsAge(number)) return false;

        var (cue, cueDistance, cueOnRight) = NearestCue(first, headEnd, index, n);
        // "a population of 275,000", "designed for 20,000 people": a baseline right before the number vetoes it.
        if (head != HeadKind.Displaced && BaselineBefore(first)) return false;
        if (cue == CueKind.None && InheritsListCue(first) is { } listed) (cue, cueDistance) = (listed, 1);
        if (head == HeadKind.Households && RestatedInPeople(headEnd)) return false;
        if (head == HeadKind.Displaced)
        {
            // "30 displaced people were killed in a strike on a school" counts the dead, not the displaced; so does
            // "abducted 200 displaced people". ("45 people were killed and 200 displaced": the 200 are displaced.)
            if (cue is CueKind.Harm && (cueOnRight ? cueDistance <= 3 : cueDistance == 0)) return false;
            if (!DisplacementCues.IsMovement(cue)) cue = CueKind.Status;
        }
        else if (!DisplacementCues.IsMovement(cue))
        {
            return false;
        }
        var movement = cue switch
        {
            CueKind.Return => MovementKind.Returned,
            CueKind.Deportation => MovementKind.Deported,
            _ => HeadMovement(end, headEnd),
        };

        var confidence = 0.55 + head switch { HeadKind.Displaced => 0.2, HeadKind.People or HeadKind.Households => 0.1, _ => 0 };
        confidence += cueDistance <= 3 ? 0.1 : -0.05;
        if (number.IsVague) confidence -= 0.05;
        if (isPercentOfPopulation) confidence -= 0.05;

        var (direction, place, origin, placeConfidence) = Locate(sentence, first, end, headEnd, cue, head);
        if (Nationality(sentence, first, headEnd) is { } nation) (direction, place, origin) = WithNationality(nation, direction, place, origin, movement);
        confidence += placeConfidence;

        if (!sentenceAsOfKnown) (sentenceAsOf, sentenceAsOfKnown) = (DateExpressionParser.FindAsOf(tokens, published), true);
        var asOf = sentenceAsOf;
        var span = new TextSpan(tokens[first].Start, tokens[end - 1].End);
        previousFigure = (cue, headEnd);
        var unit = head == HeadKind.Households ? HouseholdUnit(end, headEnd) : FigureUnit.People;
        double? householdSize = null;
        var stated = value;
        if (unit != FigureUnit.People)
        {
            // A planner needs people: households are converted with the country's household size, and marked as converted.
            householdSize = HouseholdSizes.For((place ?? origin)?.CountryCode);
            value = (long)Math.Round(stated * householdSize.Value);
            low = low is { } l ? (long)Math.Round(l * householdSize.Value) : null;
            high = high is { } h ? (long)Math.Round(h * householdSize.Value) : null;
            confidence -= 0.05;
        }
        figure = new DisplacementFigure
        {
            People = value,
            Low = low,
            High = high,
            Qualifier = number.Qualifier,
            QualifierText = number.Qualifier is null ? null : text[tokens[first].Start..tokens[number.CoreToken - 1].End],
            NumberText = text[span.Start..span.End],
            IsVague = number.IsVague,
            Direction = direction,
            Place = place,
            Origin = origin,
            AsOf = asOf?.Date ?? published,
            AsOfBasis = asOf is not null ? AsOfBasis.Text : published is not null ? AsOfBasis.Published : AsOfBasis.Unknown,
            Span = span,
            Sentence = tokens.Sentence,
            Confidence = Math.Round(Math.Clamp(confidence, 0.05, 0.99), 2),
            StatedCount = stated,
            Unit = unit,
            HouseholdSize = householdSize,
            Movement = movement,
            SourceAgency = SourceAgencies.Find(tokens, first, headEnd),
        };
        return true;
    }

    // "1.34 million returned: 262,645 to Al Jazirah, 114,759 to Sennar", "54,534 in Chiure and 2,626 in Macomia",
    // "385 of them in Kakuma": a number with no cue of its own, listed right after a kept figure, counts the same thing.
    private CueKind? InheritsListCue(int first)
    {
        if (previousFigure is not { } previous) return null;
        // "..., bringing the number forced from their homes this year to 170,000": a running total shares the cue too.
        var runningTotal = tokens.Is(first - 1, "to") && RunningTotalBefore(first);
        if (first - previous.EndToken > (runningTotal ? 30 : 14)) return null;
        for (var k = previous.EndToken; k < first; k++)
        {
            var cue = DisplacementCues.At(tokens, k);
            if (cue != CueKind.None && !DisplacementCues.IsMovement(cue)) return null;
            if (tokens.IsSymbol(k, '.') || tokens.Is(k, "but") || tokens.Is(k, "compared") || tokens.Is(k, "than")) return null;
        }
        return previous.Cue;
    }

    private static readonly WordSet Totalling = new("bringing", "taking", "lifting", "raising", "pushing", "putting", "brings", "takes", "lifts", "raises", "pushes");

    private bool RunningTotalBefore(int first)
    {
        for (var k = first - 2; k >= 0 && k >= first - 16; k--)
        {
            if (tokens.In(k, Totalling)) return true;
        }
        return false;
    }

    // "returnees", "deportees": the noun says which way people moved.
    private MovementKind HeadMovement(int end, int headEnd)
    {
        for (var k = end; k < headEnd; k++)
        {
            if (tokens.Is(k, "returnees")) return MovementKind.Returned;
            if (tokens.Is(k, "deportees")) return MovementKind.Deported;
        }
        return MovementKind.Displaced;
    }

    private FigureUnit HouseholdUnit(int end, int headEnd)
    {
        for (var k = end; k < headEnd; k++)
        {
            if (tokens.Is(k, "households") || tokens.Is(k, "household")) return FigureUnit.Households;
        }
        return FigureUnit.Families;
    }

    // "Merinda K. Robinson, 29, was apprehended": a bare number set off by commas right after a name is an age.
    private bool IsAge(NumberExpression number) =>
        number.EndToken == number.FirstToken + 1 && tokens.IsSymbol(number.FirstToken - 1, ',') && tokens.IsCapitalised(number.FirstToken - 2)
        && (tokens.IsSymbol(number.EndToken, ',') || tokens.IsSymbol(number.EndToken, ')'));

    // "February 7": a date, not a count ("7 February" is caught by the month after it, see DisplacementCues.Head).
    private bool IsDateDay(int first) =>
        tokens.IsNumber(first) && tokens.IsCapitalised(first - 1) && DateExpressionParser.IsMonth(tokens.Chars(first - 1));

    // "rose from 1.4 million to 1.7 million": the old value is history; the figure is the new one.
    private bool IsOldValueOfChange(NumberExpression number) =>
        tokens.Is(number.FirstToken - 1, "from") && tokens.Is(number.EndToken, "to")
        && NumberStartingAt(number.EndToken + 1) is not null;

    // "9 in 10 Gazans", "one out of three": a ratio, not a count (either side of it). Not "700,000 in two weeks".
    private bool IsRatio(NumberExpression number)
    {
        // "one latrine for every 700 people", "nine out of every ten": "every" makes a rate.
        if (tokens.Is(number.FirstToken - 1, "every")) return true;
        var after = tokens.Is(number.EndToken, "in") ? number.EndToken + 1
            : tokens.Is(number.EndToken, "out") && tokens.Is(number.EndToken + 1, "of") ? number.EndToken + 2 : -1;
        if (after > 0 && tokens.Is(after, "every")) after++;
        if (NumberStartingAt(after) is { } whole && number.Value < whole.Value && whole.Value <= 100) return true;
        var before = tokens.Is(number.FirstToken - 1, "in") ? number.FirstToken - 1
            : tokens.Is(number.FirstToken - 1, "of") && tokens.Is(number.FirstToken - 2, "out") ? number.FirstToken - 2 : -1;
        return NumberEndingAt(before) is { } part && part.Value < number.Value && number.Value <= 100;
    }

    // Number expressions do not overlap and come in text order, so both ends are sorted: binary searches.
    private NumberExpression? NumberEndingAt(int token)
    {
        int lo = 0, hi = numbers.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (numbers[mid].EndToken == token) return numbers[mid];
            if (numbers[mid].EndToken < token) lo = mid + 1;
            else hi = mid - 1;
        }
        return null;
    }

    private NumberExpression? NumberStartingAt(int token)
    {
        int lo = 0, hi = numbers.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (numbers[mid].FirstToken == token) return numbers[mid];
            if (numbers[mid].FirstToken < token) lo = mid + 1;
            else hi = mid - 1;
        }
        return null;
    }

    // The nearest cue on either side of the number, not looking past another number or a clause break:
    // a cue beyond another number belongs to that number.
    private (CueKind Cue, int Distance, bool OnRight) NearestCue(int first, int headEnd, int index, int n)
    {
        var rightLimit = Math.Min(tokens.Count, headEnd + RightWindow);
        // A percentage aside ("1.9m people, or 85% of the population, were displaced") is not a competing count.
        for (var next = n + 1; next < numbers.Count && numbers[next].FirstToken < rightLimit; next++)
        {
            if (numbers[next].Percent is not null) continue;
            rightLimit = Math.Min(rightLimit, numbers[next].FirstToken);
            break;
        }
        var (right, rightDistance) = (CueKind.None, int.MaxValue);
        for (var k = headEnd; k < rightLimit && !tokens.IsClauseBreak(k); k++)
        {
            var cue = DisplacementCues.At(tokens, k);
            if (cue is CueKind.None or CueKind.Population) continue;
            // "up to 250,000 people could be displaced if ...": a projection, not people displaced.
            if (DisplacementCues.IsProjected(tokens, k)) cue = CueKind.Projection;
            (right, rightDistance) = (cue, k - headEnd);
            break;
        }
        var leftLimit = Math.Max(0, first - LeftWindow);
        if (index > 0) leftLimit = Math.Max(leftLimit, numbers[index - 1].EndToken);
        var (left, leftDistance) = (CueKind.None, int.MaxValue);
        for (var k = first - 1; k >= leftLimit && !tokens.IsClauseBreak(k); k--)
        {
            var cue = DisplacementCues.At(tokens, k);
            if (cue == CueKind.None) continue;
            (left, leftDistance) = (cue, first - 1 - k);
            break;
        }
        return leftDistance < rightDistance ? (left, leftDistance, false) : (right, rightDistance, true);
    }

    // "a population of 275,000", "home to roughly 40,000 people", "could reach 650,000", "ordered the evacuation of
    // 12,000": a baseline, a projection or an order right before the number is not a count of displaced people.
    private bool BaselineBefore(int first)
    {
        for (var k = first - 1; k >= 0 && k >= first - 4 && !tokens.IsSymbol(k, ',') && !tokens.Is(k, "or"); k--)
        {
            if (DisplacementCues.At(tokens, k) == CueKind.Population) return true;
            if (tokens.Is(k, "home") && tokens.Is(k + 1, "to")) return true;
            // "a city of 275,000": the size of a place.
            if (tokens.Is(k, "of") && k == first - 1 && tokens.In(k - 1, Settlements)) return true;
            if (DisplacementCues.IsProjected(tokens, k + 1) && tokens.In(k, Reaching)) return true;
            if (tokens.Is(k, "evacuation") && (tokens.Is(k - 1, "ordered") || tokens.Is(k - 2, "ordered") || tokens.Is(k - 3, "ordered"))) return true;
        }
        return false;
    }

    private static readonly WordSet Settlements = new("city", "town", "village", "country", "nation", "district", "province", "region", "state");

    private static readonly WordSet Reaching = new("reach", "rise", "climb", "top", "exceed", "hit", "double", "grow", "increase");

    // "12,413 households, or 74,478 individuals": the same people twice; the count in people is kept.
    private bool RestatedInPeople(int headEnd)
    {
        var k = headEnd;
        if (tokens.IsSymbol(k, ',') || tokens.IsSymbol(k, '(')) k++;
        if (!tokens.Is(k, "or") && !tokens.Is(k, "about") && !tokens.Is(k, "roughly") && !tokens.Is(k, "some") && !tokens.IsNumber(k)) return false;
        if (tokens.Is(k, "or")) k++;
        for (var j = k; j < k + 4 && j < tokens.Count; j++)
        {
            if (tokens.Is(j, "individuals") || tokens.Is(j, "people") || tokens.Is(j, "persons")) return true;
        }
        return false;
    }

    private (DisplacementDirection Direction, GazetteerEntry? Place, GazetteerEntry? Origin, double Confidence) Locate(
        int sentence, int first, int end, int headEnd, CueKind cue, HeadKind head)
    {
        LoadCandidates(sentence, first, end, headEnd, cue == CueKind.Return);
        PlaceRoles.Candidate? at = null, from = null;
        int atScore = int.MaxValue, fromScore = int.MaxValue;
        // A count of displaced people by name ("12,500 new arrivals in Chad ... fleeing El Geneina") is where they are.
        var flightOnly = cue == CueKind.Flight && head != HeadKind.Displaced && !HasShelterCue(first, headEnd);
        PlaceRoles.Candidate? waypoint = null;
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i];
            var after = candidate.FirstToken >= headEnd;
            // A place before the number is a little further than one after it at the same distance: "262,645 to Al
            // Jazirah, 114,759 to Sennar" gives Sennar to 114,759. Across a colon or semicolon it belongs to another clause.
            var distance = after ? candidate.FirstToken - headEnd : Math.Max(0, first - candidate.EndToken) + 1;
            if (ClauseBreakBetween(candidate, first, headEnd)) distance += 10;
            var role = candidate.Role;
            if (role == PlaceRole.Partial) continue;
            // "Poland alone receiving 3.2 million": a destination nearer to another count of the sentence is that count's.
            if (role != PlaceRole.From && after && OwnedByAnotherNumber(candidate, first, headEnd)) continue;
            // "Somali refugees in Kenya return to Somalia": where people were before going home.
            if (role == PlaceRole.In && cue is CueKind.Return or CueKind.Deportation) role = PlaceRole.From;
            if (role == PlaceRole.Waypoint)
            {
                waypoint ??= candidate;
                continue;
            }
            // "Kalay Township, Sagaing Region", "Nuseirat camp in central Gaza": the wider area right after a place names
            // where that place is; the place is the more precise answer.
            if (i > 0 && IsContainerOf(candidates[i - 1], candidate)) continue;
            // "Khan Younis: 100,000 fled", "In Kharkiv region, 23,000 were evacuated": with only a verb of flight and
            // no destination word, the place is where they fled from.
            if (role is PlaceRole.Unmarked or PlaceRole.In && flightOnly) role = PlaceRole.From;
            if (role == PlaceRole.In) role = PlaceRole.At;
            if (role == PlaceRole.From)
            {
                if (distance < fromScore) (from, fromScore) = (candidate, distance);
                continue;
            }
            // A marked destination ("into Egypt") outweighs an unmarked town nearer the number.
            var score = distance + PlaceRoles.KindPenalty(candidate.Place.Kind) + (role == PlaceRole.Unmarked ? 8 : 0);
            if (score < atScore) (at, atScore) = (candidate, score);
        }

        // "Some 8,000 Rohingya have reached the camps here after attacks in Rakhine": here is where the story was filed.
        if (Places.Dateline is { } here && SaysHere(first, headEnd) && at is not { Role: PlaceRole.At })
        {
            var came = from?.Place ?? at?.Place;
            return (DisplacementDirection.At, here.Place, came?.Id == here.Place.Id ? null : came, 0);
        }
        if (at is { } a && from is { } f && a.Place.Id != f.Place.Id)
        {
            return (DisplacementDirection.At, a.Place, f.Place, 0.1);
        }
        // "came back from Pakistan through Torkham": with no destination named, the crossing is where they are counted.
        if (at is null && waypoint is { } w) at = w with { Role = PlaceRole.At };
        if (!sentenceFocusKnown) (sentenceFocus, sentenceFocusKnown) = (DiscourseFocus.For(Places, sentence), true);
        var focus = sentenceFocus;
        if (at is { } onlyAt)
        {
            // "Jabalia camp was encircled. ... 35,000 people fled, mostly to Gaza City": fled from the place being talked about.
            var origin = cue == CueKind.Flight && focus is { } left && left.Place.Id != onlyAt.Place.Id ? left.Place : null;
            return (DisplacementDirection.At, onlyAt.Place, origin, onlyAt.Role != PlaceRole.Unmarked ? 0.1 : 0.05);
        }
        if (from is { } onlyFrom)
        {
            // "the forced return of 200,000 people from the Dominican Republic" in a story about Haiti: home is the
            // country the text is about.
            if (cue is CueKind.Return or CueKind.Deportation && focus is { } home && home.Place.CountryCode != onlyFrom.Place.CountryCode)
            {
                return (DisplacementDirection.At, home.Place, onlyFrom.Place, -0.05);
            }
            // "1.4 million who fled Khan Younis are sheltering in tents": sheltering where the text is about.
            if (!flightOnly && focus is { } shelter && shelter.Place.Id != onlyFrom.Place.Id)
            {
                return (DisplacementDirection.At, shelter.Place, onlyFrom.Place, -0.05);
            }
            return (DisplacementDirection.From, onlyFrom.Place, null, 0.1);
        }
        // "have reached the camps here": here is where the story was filed.
        if (Places.Dateline is { } filedFrom && SaysHere(first, headEnd)) return (DisplacementDirection.At, filedFrom.Place, null, -0.1);
        if (focus is { } focused)
        {
            // "fled other areas ... living in overcrowded areas": they are now in the place being talked about.
            var direction = flightOnly && !DisplacementCues.NamesElsewhere(tokens, first - PlaceWindow, headEnd + PlaceWindow)
                ? DisplacementDirection.From
                : DisplacementDirection.At;
            return (direction, focused.Place, null, -0.15 + 0.1 * focused.Share);
        }
        // "Tigray's interim administration says close to one million ...": the place whose authorities give the figure.
        if (speakerPlace is { } speaker) return (DisplacementDirection.At, speaker, null, -0.15);
        // Nothing in the text around the figure places it: the dateline is the last resort (Datelines explains why).
        if (Places.Dateline is { } dateline) return (flightOnly ? DisplacementDirection.From : DisplacementDirection.At, dateline.Place, null, -0.2);
        return (flightOnly ? DisplacementDirection.From : DisplacementDirection.At, null, null, -0.25);
    }

    private bool ClauseBreakBetween(PlaceRoles.Candidate candidate, int first, int headEnd)
    {
        var (from, to) = candidate.FirstToken >= headEnd ? (headEnd, candidate.FirstToken) : (candidate.EndToken, first);
        for (var k = from; k < to; k++)
        {
            if (tokens.IsSymbol(k, ':') || tokens.IsSymbol(k, ';')) return true;
        }
        return false;
    }

    // Another count lies between the place and this figure, closer to the place than this figure is.
    private bool OwnedByAnotherNumber(PlaceRoles.Candidate candidate, int first, int headEnd)
    {
        // Only the numbers between the figure and the place can own it: binary search to the first, so a run-on
        // sentence with thousands of figures stays linear.
        var (from, to) = candidate.FirstToken >= headEnd ? (headEnd, candidate.FirstToken) : (candidate.EndToken, first);
        int lo = 0, hi = numbers.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (numbers[mid].FirstToken < from) lo = mid + 1;
            else hi = mid;
        }
        for (var i = lo; i < numbers.Count && numbers[i].FirstToken < to; i++)
        {
            var other = numbers[i];
            if (other.Percent is not null || other.FirstToken == first) continue;
            if (candidate.FirstToken >= headEnd)
            {
                if (other.FirstToken >= headEnd && other.EndToken <= candidate.FirstToken
                    && candidate.FirstToken - other.EndToken < candidate.FirstToken - headEnd && IsCountOfPeople(other)) return true;
            }
            else if (other.FirstToken >= candidate.EndToken && other.EndToken <= first
                     && other.FirstToken - candidate.EndToken < first - candidate.EndToken && IsCountOfPeople(other))
            {
                return true;
            }
        }
        return false;
    }

    // A number that counts people (not "2 weeks", "24 hours", a date): it can own a place.
    private bool IsCountOfPeople(NumberExpression number)
    {
        if (number.IsYearLike || IsDateDay(number.FirstToken) || BaselineBefore(number.FirstToken) || IsRatio(number)) return false;
        var head = DisplacementCues.Head(tokens, number.EndToken, number.IsVague, out _);
        return head != HeadKind.Other && !DisplacementCues.IsTimeUnit(tokens, number.EndToken) && number.Value >= 10;
    }

    private bool SaysHere(int first, int headEnd)
    {
        var last = Math.Min(tokens.Count, headEnd + PlaceWindow);
        for (var k = Math.Max(0, first - PlaceWindow); k < last; k++)
        {
            if (tokens.Is(k, "here")) return true;
        }
        return false;
    }

    // "1.9 million Gazans", "230,000 Afghans", "Sudanese refugees": the people's country, named in the counted phrase.
    private GazetteerEntry? Nationality(int sentence, int first, int headEnd)
    {
        var start = tokens[first].Start;
        var stop = tokens[Math.Min(tokens.Count - 1, headEnd)].End;
        foreach (var demonym in Places.DemonymsIn(sentence))
        {
            if (demonym.Span.Start >= start && demonym.Span.End <= stop) return demonym.Place;
        }
        return null;
    }

    // What a nationality says where the text does not: a national total with no place is in the country ("5.4 million
    // Sudanese are displaced"); people who leave a foreign country go home ("230,000 Afghans left Iran"); refugees who arrive
    // abroad came from their own country ("600,000 Sudanese refugees fled into Chad").
    private (DisplacementDirection, GazetteerEntry?, GazetteerEntry?) WithNationality(
        GazetteerEntry nation, DisplacementDirection direction, GazetteerEntry? place, GazetteerEntry? origin, MovementKind movement)
    {
        if (place is null) return direction == DisplacementDirection.At ? (direction, nation, origin) : (direction, place, origin);
        var abroad = place.CountryCode.Length > 0 && place.CountryCode != nation.CountryCode;
        if (!abroad) return (direction, place, origin);
        if (direction == DisplacementDirection.From && (movement != MovementKind.Displaced || place.Kind == PlaceKind.Country))
            return (DisplacementDirection.At, nation, place);
        if (direction == DisplacementDirection.At && movement == MovementKind.Displaced && origin is null) return (direction, place, nation);
        return (direction, place, origin);
    }

    // b is an area or country right after a (a comma, "in", "of" between) that holds it: "Nuseirat camp in central Gaza".
    private bool IsContainerOf(PlaceRoles.Candidate a, PlaceRoles.Candidate b)
    {
        if (b.FirstToken - a.EndToken > 3 || a.Place.Kind is PlaceKind.Country) return false;
        for (var k = a.EndToken; k < b.FirstToken; k++)
        {
            if (!(tokens.IsSymbol(k, ',') || tokens.Is(k, "in") || tokens.Is(k, "of") || tokens.Is(k, "the") || tokens.In(k, AreaWords))) return false;
        }
        var wider = b.Place.Kind switch
        {
            PlaceKind.Country => a.Place.CountryCode == b.Place.CountryCode,
            PlaceKind.Region or PlaceKind.AdminArea => a.Place.Kind == PlaceKind.City && (a.Place.CountryCode == b.Place.CountryCode || b.Place.CountryCode.Length == 0),
            _ => false,
        };
        return wider;
    }

    private static readonly WordSet AreaWords = new(
        "central", "northern", "southern", "eastern", "western", "north", "south", "east", "west", "district", "province",
        "region", "state", "county", "territory", "governorate", "township", "camp", "town", "city", "neighbouring", "neighboring");

    private bool HasShelterCue(int first, int headEnd)
    {
        var last = Math.Min(tokens.Count, headEnd + PlaceWindow);
        for (var k = Math.Max(0, first - PlaceWindow); k < last; k++)
        {
            if (DisplacementCues.At(tokens, k) == CueKind.Shelter) return true;
        }
        return false;
    }

    private void LoadCandidates(int sentence, int first, int end, int headEnd, bool returning)
    {
        candidates.Clear();
        speakerPlace = null;
        var sentencePlaces = Places.In(sentence);
        var windowStart = tokens[Math.Max(0, first - PlaceWindow)].Start;
        var windowEnd = tokens[Math.Min(tokens.Count - 1, headEnd + PlaceWindow)].End;
        for (var i = ArticlePlaces.FirstEndingAfter(sentencePlaces, windowStart); i < sentencePlaces.Count && sentencePlaces[i].Span.Start < windowEnd; i++)
        {
            var toponym = sentencePlaces[i];
            var firstToken = tokens.FirstTokenOverlapping(toponym.Span.Start, toponym.Span.End);
            if (firstToken < 0) continue;
            var endToken = tokens.EndTokenOverlapping(firstToken, toponym.Span.End);
            // A name inside the counted noun phrase ("1.4 million Gazans") describes the people, not a place.
            if (firstToken >= end && endToken <= headEnd) continue;
            // "the UN said from Cairo": where the news was told, neither origin nor destination.
            if (ReportingPlaces.IsReportingPlace(tokens, firstToken, endToken)) continue;
            // "Myanmar's Rakhine state", "Israel's ground operation", "some 60 km west of El Fasher": a qualifier of the
            // place that follows, an actor, or a landmark to measure from, not where people are.
            if (PlaceRoles.IsQualifierOrActor(tokens, firstToken, endToken, out var institution) || PlaceRoles.IsLandmark(tokens, firstToken))
            {
                if (institution) speakerPlace ??= toponym.Place;
                continue;
            }
            candidates.Add(new PlaceRoles.Candidate(toponym, firstToken, endToken, PlaceRoles.Of(tokens, firstToken, endToken, returning)));
        }
    }
}
