using GeoSituation.Core.Gazetteer;
using GeoSituation.Core.Geoparsing;
using GeoSituation.Core.Text;

namespace GeoSituation.Core.Extraction;

/// <summary>The toponyms of an article grouped by sentence, keeping only those that can locate something.</summary>
/// <remarks>
/// Demonyms ("Palestinians", "Egyptian", "Qatari") are resolved to countries by the geoparser because they do
/// name a country, but "1.4 million Palestinians" are not located in Palestine by that word and an "Egyptian
/// security source" is no event in Egypt; so they are dropped here. Toponyms in teaser lines are dropped too
/// (see <see cref="TeaserLines"/>).
/// </remarks>
internal sealed class ArticlePlaces
{
    private static readonly string[] DemonymEndings = ["ians", "ian", "eans", "ean", "ans", "an", "ese", "is", "i", "ish", "ic"];

    private readonly List<Toponym>[] bySentence;

    private ArticlePlaces(List<Toponym>[] bySentence, bool[] teasers, Toponym? dateline)
    {
        this.bySentence = bySentence;
        Teasers = teasers;
        Dateline = dateline;
    }

    /// <summary>The first place of the article's dateline ("GOMA, Congo (AP) —"), kept apart from every sentence's places
    /// (see <see cref="Datelines"/>); null when the article has none.</summary>
    public Toponym? Dateline { get; }

    /// <summary>Per sentence: true for a teaser line linking to another story.</summary>
    public IReadOnlyList<bool> Teasers { get; }

    public int SentenceCount => bySentence.Length;

    /// <summary>The locating toponyms of a sentence, in text order.</summary>
    public IReadOnlyList<Toponym> In(int sentence) => bySentence[sentence];

    public static ArticlePlaces Build(string text, IReadOnlyList<TextSpan> sentences, IReadOnlyList<Toponym> toponyms)
    {
        var bySentence = new List<Toponym>[sentences.Count];
        var teasers = new bool[sentences.Count];
        for (var s = 0; s < sentences.Count; s++)
        {
            bySentence[s] = [];
            teasers[s] = TeaserLines.IsTeaser(text, sentences[s]);
        }
        var datelineSpan = Datelines.Find(text);
        Toponym? dateline = null;
        foreach (var toponym in toponyms)
        {
            if (Datelines.Contains(datelineSpan, toponym))
            {
                if (dateline is null && !IsDemonym(toponym)) dateline = toponym;
                continue;
            }
            var s = SentenceOf(sentences, toponym.Span.Start);
            if (s >= 0 && !teasers[s] && !IsDemonym(toponym)) bySentence[s].Add(toponym);
        }
        foreach (var list in bySentence)
        {
            if (list.Count > 1) list.Sort(static (a, b) => a.Span.Start.CompareTo(b.Span.Start));
        }
        return new ArticlePlaces(bySentence, teasers, dateline);
    }

    /// <summary>The index of the first toponym of a sentence's list (sorted by start) whose span ends after <paramref name="index"/>.</summary>
    /// <remarks>Toponyms do not overlap, so their ends are sorted too.</remarks>
    public static int FirstEndingAfter(IReadOnlyList<Toponym> sorted, int index)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid].Span.End > index) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    /// <summary>A country or region named by its people's adjective or plural rather than its name.</summary>
    /// <remarks>Checked only for countries and regions: city alternate spellings ("Khan Younis") end like demonyms too.</remarks>
    internal static bool IsDemonym(Toponym toponym)
    {
        if (toponym.Place.Kind is not (PlaceKind.Country or PlaceKind.Region)) return false;
        var surface = toponym.Surface.AsSpan().Trim();
        var name = toponym.Place.Name.AsSpan();
        if (surface.Length < 4 || name.Contains(surface, StringComparison.OrdinalIgnoreCase)) return false;
        if (!SameStem(surface, name)) return false;
        foreach (var ending in DemonymEndings)
        {
            if (surface.EndsWith(ending, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    // The first four letters agree, ignoring case and accents ("Turkish" and "Türkiye", "Egyptian" and "Egypt").
    private static bool SameStem(ReadOnlySpan<char> surface, ReadOnlySpan<char> name)
    {
        Span<char> a = stackalloc char[4], b = stackalloc char[4];
        return BaseLetters(surface, a) && BaseLetters(name, b) && a.SequenceEqual(b);
    }

    // The first letters of a name without accents or combining marks, lower-cased ("Türkiye" -> "turk").
    // A table, not string.Normalize: the build runs with invariant globalization, which does not decompose.
    private static bool BaseLetters(ReadOnlySpan<char> text, Span<char> into)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (n == into.Length) break;
            if (c is >= '\u0300' and <= '\u036F') continue;
            var lower = char.ToLowerInvariant(c);
            var accented = Accented.IndexOf(lower);
            into[n++] = accented >= 0 ? Unaccented[accented] : lower;
        }
        return n == into.Length;
    }

    private const string Accented = "àáâãäåāăąçćĉċčďèéêëēĕėęěĝğġģĥìíîïĩīĭįıĵķĺļľłñńņňòóôõöøōŏőŕŗřśŝşšţťùúûüũūŭůűųŵýÿŷźżž";
    private const string Unaccented = "aaaaaaaaacccccdeeeeeeeeegggghiiiiiiiiijkllllnnnnooooooooorrrssssttuuuuuuuuuuwyyyzzz";

    private static int SentenceOf(IReadOnlyList<TextSpan> sentences, int index)
    {
        int lo = 0, hi = sentences.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sentences[mid].End <= index) lo = mid + 1;
            else if (sentences[mid].Start > index) hi = mid - 1;
            else return mid;
        }
        return -1;
    }
}
