using GeoSituation.Core.Extraction;

namespace GeoSituation.Core.Displacement;

/// <summary>The organisation a displacement figure is attributed to in its sentence ("UNHCR said", "according to IOM").</summary>
/// <remarks>
/// <para>Organisations are recognised by their acronyms and by the names and descriptions news copy uses for them
/// ("the UN's refugee agency", "Doctors without Borders", "Gaza's health ministry"), and returned by their usual
/// short name (UNHCR, IOM, IOM DTM, OCHA, Ministry of Health...). A national body written "X's Y Ministry /
/// Commission / Department / Authority / Agency" ("Sudan's Humanitarian Aid Commission") is returned as written.</para>
/// <para>When several organisations are named, the one bound to an attribution word wins ("said", "according to",
/// "estimates", "figures from"...), the nearest such binding first, then the one nearest the figure: in
/// "UNICEF is trucking water to the camps, where 20,000 people have arrived, UNHCR said" the figure is UNHCR's.
/// Between an organisation and its attribution word may stand only names, titles and a few function words
/// ("UNHCR spokesperson Olga Sarrado said", "according to the latest figures from IOM"); any other word breaks
/// the binding, so "UNICEF delivered tents, a camp manager said" attributes nothing to UNICEF. A generic "UN" is
/// returned only when no more specific organisation is named.</para>
/// <para>Only names in the table or of the national-body shape can be returned, so a person ("Ahmed Hassan said")
/// or a place ("Khartoum said") never is. Scanning looks only at a window of tokens around the figure and
/// allocates nothing but the returned string of a national body; the canonical names are constants.</para>
/// </remarks>
internal static class SourceAgencies
{
    /// <summary>The usual name of any United Nations mention that names no agency.</summary>
    public const string UnitedNations = "UN";

    // How far (in tokens) from the figure an organisation is looked for: as in DisplacementScan, every look-up stays
    // local, so a run-on "sentence" of thousands of words stays linear.
    private const int Window = 60;
    // Tokens that may stand between an organisation and its attribution word.
    private const int MaxBridge = 8;
    // Words of a national body's name, counting the "X's".
    private const int MaxBodyWords = 6;

    // Every alias, written as the text shows it: "@UN" is UN, U.N. or United Nations, with an optional possessive;
    // "'s" a possessive; an all-capital word an acronym (exact, or "Unicef" style for four letters or more); a
    // capitalised word must be capitalised in the text; a lower-case word may be written in any case.
    private static readonly (string Name, string[] Aliases)[] Table =
    [
        ("UNHCR", ["UNHCR", "@UN refugee agency", "@UN refugees agency", "@UN High Commissioner for Refugees", "@UN refugee chief",
            "Office of the @UN High Commissioner for Refugees"]),
        ("IOM", ["IOM", "International Organization for Migration", "International Organisation for Migration", "@UN migration agency",
            "@UN agency for migration"]),
        ("IOM DTM", ["DTM", "IOM DTM", "IOM - DTM", "IOM 's DTM", "IOM Displacement Tracking Matrix", "IOM 's Displacement Tracking Matrix",
            "Displacement Tracking Matrix", "International Organization for Migration 's Displacement Tracking Matrix",
            "International Organization for Migration 's DTM", "International Organisation for Migration 's Displacement Tracking Matrix",
            "@UN migration agency 's Displacement Tracking Matrix", "@UN migration agency 's DTM"]),
        ("OCHA", ["OCHA", "UNOCHA", "Office for the Coordination of Humanitarian Affairs", "@UN humanitarian office", "@UN aid coordination office",
            "@UN humanitarian affairs office", "@UN humanitarian coordination office", "@UN humanitarian agency", "@UN aid office",
            "@UN office for the coordination of humanitarian affairs", "@UN humanitarian aid office"]),
        ("UNRWA", ["UNRWA", "@UN agency for Palestinian refugees", "@UN agency for Palestine refugees", "@UN Relief and Works Agency",
            "@UN Palestinian refugee agency", "@UN Palestinian refugees agency", "@UN agency supporting Palestinian refugees"]),
        ("UNICEF", ["UNICEF", "@UN children 's agency", "@UN children 's fund", "@UN Children 's Fund", "@UN agency for children"]),
        ("WFP", ["WFP", "World Food Programme", "World Food Program", "@UN food agency", "@UN World Food Programme", "@UN World Food Program"]),
        ("WHO", ["WHO", "World Health Organization", "World Health Organisation", "@UN health agency"]),
        ("UNFPA", ["UNFPA", "@UN Population Fund", "@UN sexual and reproductive health agency", "@UN population agency"]),
        ("MSF", ["MSF", "Médecins sans Frontières", "Medecins sans Frontieres", "Doctors without Borders"]),
        ("NRC", ["NRC", "Norwegian Refugee Council"]),
        ("IRC", ["IRC", "International Rescue Committee"]),
        ("ICRC", ["ICRC", "International Committee of the Red Cross", "Red Cross"]),
        ("IFRC", ["IFRC", "International Federation of Red Cross and Red Crescent Societies", "International Federation of the Red Cross"]),
        ("IDMC", ["IDMC", "Internal Displacement Monitoring Centre", "Internal Displacement Monitoring Center"]),
        ("Save the Children", ["Save the Children"]),
        ("Refugees International", ["Refugees International"]),
        ("Human Rights Watch", ["Human Rights Watch", "HRW"]),
        ("Amnesty International", ["Amnesty International", "Amnesty"]),
        ("Ministry of Health", ["ministry of health", "health ministry", "ministry of public health", "MOH"]),
        ("Civil Defence", ["civil defence", "civil defense"]),
        ("Government Media Office", ["government media office", "government 's media office"]),
        (UnitedNations, ["@UN"]),
    ];

    private static readonly WordMap<Alias[]> ByFirstWord = BuildIndex();

    private static readonly WordSet Attribution = new(
        "said", "says", "say", "saying", "estimates", "estimated", "estimate", "reported", "reports", "reporting", "recorded",
        "records", "counted", "counts", "registered", "registers", "told", "tells", "according", "figures", "data", "statistics",
        "citing", "cited", "stated", "announced", "warned", "noted", "added", "confirmed", "documented", "tallied", "tally");

    // Words that may stand between an organisation and its attribution word: determiners, titles, time words and
    // the prepositions of "figures from", "a spokesperson for", "according to".
    private static readonly WordSet Bridge = new(
        "the", "a", "an", "its", "their", "latest", "last", "new", "recent", "most", "preliminary", "official", "officials",
        "spokesperson", "spokesman", "spokeswoman", "spokespeople", "representative", "chief", "head", "director", "coordinator",
        "team", "teams", "staff", "country", "regional", "also", "has", "have", "had", "on", "in", "at", "to", "from", "by", "for",
        "of", "and", "earlier", "later", "today", "yesterday", "this", "week", "report", "update", "statement", "assessment",
        "survey", "monitoring", "tracking", "published", "released", "compiled", "collected", "gathered", "provided", "numbers");

    // The last word of a national body's name ("Sudan's Humanitarian Aid Commission").
    private static readonly WordSet BodyHeads = new("Ministry", "Commission", "Department", "Authority", "Agency", "Directorate");

    // Joining words inside a body's name ("Ministry of Social Policy", "Relief and Rehabilitation Commission").
    private static readonly WordSet BodyJoiners = new("of", "and", "for", "on");

    /// <summary>The usual short name of the organisation the figure at tokens [first, end) is attributed to, or null.</summary>
    public static string? Find(SentenceTokens tokens, int figureFirstToken, int figureEndToken)
    {
        var from = Math.Max(0, figureFirstToken - Window);
        var to = Math.Min(tokens.Count, figureEndToken + Window);
        var best = Mention.None;
        var generic = Mention.None;
        var lastAliasEnd = -1;
        for (var k = from; k < to; k++)
        {
            if (tokens.IsWord(k) && ByFirstWord.TryGet(tokens.Chars(k), out var aliases) && Longest(tokens, k, aliases) is var (alias, end) && alias is not null)
            {
                var mention = Score(tokens, alias.Name, k, end, figureFirstToken, figureEndToken);
                if (alias.Name == UnitedNations) { if (mention.Score < generic.Score) generic = mention; }
                else if (mention.Score < best.Score) best = mention;
                lastAliasEnd = end;
                k = end - 1;
            }
            else if (tokens.IsPossessiveAt(k) && lastAliasEnd != k && NationalBody(tokens, k) is var (start, bodyEnd) && bodyEnd > 0)
            {
                var mention = Score(tokens, null, start, bodyEnd, figureFirstToken, figureEndToken);
                if (mention.Score < best.Score) best = mention;
                k = bodyEnd - 1;
            }
        }
        if (best.Score != int.MaxValue)
        {
            return best.Name ?? tokens.Text[tokens[best.Start].Start..tokens[best.End - 1].End];
        }
        return generic.Score != int.MaxValue ? UnitedNations : null;
    }

    private readonly record struct Mention(string? Name, int Start, int End, int Score)
    {
        public static readonly Mention None = new(null, 0, 0, int.MaxValue);
    }

    private enum Part : byte { Word, Capitalised, Acronym, Symbol, Possessive, UnitedNations }

    private readonly record struct Element(Part Part, string Text);

    private sealed record Alias(string Name, Element[] Elements);

    // Bound to an attribution word: by how near it is, then by how near the figure. Unbound: after every bound one.
    private static Mention Score(SentenceTokens tokens, string? name, int start, int end, int figureFirst, int figureEnd)
    {
        var fromFigure = start >= figureEnd ? start - figureEnd : Math.Max(0, figureFirst - end);
        var binding = AttributionDistance(tokens, start, end);
        return new Mention(name, start, end, binding >= 0 ? binding * 1000 + Math.Min(fromFigure, 999) : 1_000_000 + fromFigure);
    }

    // The number of bridging tokens between the mention and the nearest attribution word on either side, or -1.
    private static int AttributionDistance(SentenceTokens tokens, int start, int end)
    {
        var right = -1;
        for (var i = end; i < tokens.Count && i - end <= MaxBridge; i++)
        {
            if (tokens.In(i, Attribution)) { right = i - end; break; }
            if (!Bridges(tokens, i)) break;
        }
        for (var i = start - 1; i >= 0 && start - 1 - i <= MaxBridge; i--)
        {
            if (tokens.In(i, Attribution)) return right < 0 ? start - 1 - i : Math.Min(right, start - 1 - i);
            if (!Bridges(tokens, i)) break;
        }
        return right;
    }

    private static bool Bridges(SentenceTokens tokens, int i) =>
        tokens.IsCapitalised(i) || tokens.In(i, Bridge)
        || tokens.IsSymbol(i, ',') || tokens.IsSymbol(i, '\'') || tokens.IsSymbol(i, '’') || tokens.IsDash(i)
        || tokens.IsSymbol(i, '(') || tokens.IsSymbol(i, ')')
        || (tokens.Is(i, "s") && tokens.IsGlued(i));

    private static (Alias? Alias, int End) Longest(SentenceTokens tokens, int k, Alias[] aliases)
    {
        Alias? best = null;
        var bestEnd = -1;
        foreach (var alias in aliases)
        {
            var end = Match(tokens, k, alias.Elements);
            if (end > bestEnd && !(alias.Name == "WHO" && IsShouted(tokens, k))) (best, bestEnd) = (alias, end);
        }
        return (best, bestEnd);
    }

    // "THOSE WHO FLED": an upper-case headline, where WHO is the pronoun.
    private static bool IsShouted(SentenceTokens tokens, int k) => IsUpperWord(tokens, k - 1) || IsUpperWord(tokens, k + 1);

    private static bool IsUpperWord(SentenceTokens tokens, int i)
    {
        if (!tokens.IsWord(i) || tokens[i].Length < 2) return false;
        foreach (var c in tokens.Chars(i))
        {
            if (!char.IsUpper(c)) return false;
        }
        return true;
    }

    private static int Match(SentenceTokens tokens, int i, Element[] elements)
    {
        foreach (var element in elements)
        {
            switch (element.Part)
            {
                case Part.UnitedNations:
                    i = MatchUnitedNations(tokens, i);
                    if (i < 0) return -1;
                    break;
                case Part.Possessive:
                    if (!tokens.IsPossessiveAt(i)) return -1;
                    i += 2;
                    break;
                case Part.Symbol:
                    if (!tokens.IsSymbol(i, element.Text[0]) && !(element.Text[0] == '-' && tokens.IsDash(i))) return -1;
                    i++;
                    break;
                case Part.Acronym:
                    if (!tokens.IsWord(i) || !IsAcronym(tokens.Chars(i), element.Text)) return -1;
                    i++;
                    break;
                default:
                    if (!tokens.Is(i, element.Text) || (element.Part == Part.Capitalised && !tokens.IsCapitalised(i))) return -1;
                    i++;
                    break;
            }
        }
        return i;
    }

    // "UNHCR", or "Unhcr" as some house styles write acronyms of four letters or more (not "Who", "Irc").
    private static bool IsAcronym(ReadOnlySpan<char> word, string acronym)
    {
        if (word.SequenceEqual(acronym)) return true;
        if (acronym.Length < 4 || !word.Equals(acronym, StringComparison.OrdinalIgnoreCase) || !char.IsUpper(word[0])) return false;
        foreach (var c in word[1..])
        {
            if (!char.IsLower(c)) return false;
        }
        return true;
    }

    // "UN", "U.N." or "United Nations", with an optional possessive ("the UN's", "the United Nations'").
    private static int MatchUnitedNations(SentenceTokens tokens, int i)
    {
        if (tokens.IsWord(i) && tokens.Chars(i).SequenceEqual("UN")) i++;
        else if (tokens.IsWord(i) && tokens.Chars(i).SequenceEqual("U") && tokens.IsSymbol(i + 1, '.') && tokens.IsWord(i + 2) && tokens.Chars(i + 2).SequenceEqual("N"))
        {
            i += 3;
            if (tokens.IsSymbol(i, '.') && tokens.IsGlued(i)) i++;
        }
        else if (tokens.Is(i, "United") && tokens.IsCapitalised(i) && tokens.Is(i + 1, "Nations") && tokens.IsCapitalised(i + 1)) i += 2;
        else return -1;
        if (tokens.IsPossessiveAt(i)) return i + 2;
        // "the United Nations' refugee agency": an apostrophe glued to the s of Nations.
        if ((tokens.IsSymbol(i, '\'') || tokens.IsSymbol(i, '’')) && tokens.IsGlued(i) && tokens.Is(i - 1, "Nations")) return i + 1;
        return i;
    }

    // "Sudan's Humanitarian Aid Commission", "Ukraine's Ministry of Social Policy": the possessive is at token p.
    // Returns the body's tokens, or (0, -1) when what follows the possessive is not a body (or is a named organisation).
    private static (int Start, int End) NationalBody(SentenceTokens tokens, int p)
    {
        if (!tokens.IsCapitalised(p - 1)) return (0, -1);
        var start = p - 1;
        // "South Sudan's": one more capitalised word, unless it only opens the sentence ("Yesterday Sudan's").
        if (start >= 2 && tokens.IsCapitalised(start - 1)) start--;
        var name = p + 2;
        if (tokens.IsWord(name) && ByFirstWord.TryGet(tokens.Chars(name), out var aliases) && Longest(tokens, name, aliases).Alias is not null) return (0, -1);
        var words = p - start;
        var end = -1;
        var complement = false;
        var i = name;
        while (words < MaxBodyWords)
        {
            if (tokens.IsCapitalised(i))
            {
                words++;
                i++;
                if (complement || tokens.In(i - 1, BodyHeads)) end = i;
            }
            else if (end > 0 && !complement && tokens.In(i, BodyJoiners) && tokens.IsCapitalised(i + 1) && words + 2 <= MaxBodyWords)
            {
                // "Ministry of Social Policy": the head's complement belongs to the name.
                words += 2;
                i += 2;
                end = i;
                complement = true;
            }
            else if (end < 0 && tokens.In(i, BodyJoiners) && tokens.IsCapitalised(i + 1))
            {
                // "Relief and Rehabilitation Commission": a joiner before the head.
                words++;
                i++;
            }
            else break;
        }
        return (start, end);
    }

    private static WordMap<Alias[]> BuildIndex()
    {
        var byWord = new Dictionary<string, List<Alias>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, written) in Table)
        {
            foreach (var text in written)
            {
                var alias = new Alias(name, [.. text.Split(' ').Select(Parse)]);
                string[] keys = alias.Elements[0].Part == Part.UnitedNations ? ["UN", "U", "United"] : [alias.Elements[0].Text];
                foreach (var key in keys)
                {
                    if (!byWord.TryGetValue(key, out var list)) byWord[key] = list = [];
                    list.Add(alias);
                }
            }
        }
        return new WordMap<Alias[]>(byWord.Select(e => KeyValuePair.Create(e.Key, e.Value.ToArray())));
    }

    private static Element Parse(string word) => word switch
    {
        "@UN" => new Element(Part.UnitedNations, word),
        "'s" => new Element(Part.Possessive, word),
        { Length: 1 } when !char.IsLetter(word[0]) => new Element(Part.Symbol, word),
        { Length: >= 2 } when word.All(char.IsUpper) => new Element(Part.Acronym, word),
        _ when char.IsUpper(word[0]) => new Element(Part.Capitalised, word),
        _ => new Element(Part.Word, word),
    };
}
