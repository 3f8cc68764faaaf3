namespace GeoSituation.Core.Displacement;

/// <summary>One figure an article repeats (headline and body, lead and summary) is one figure.</summary>
/// <remarks>
/// "UNRWA says a million people have left Rafah" over "About one million people have fled Rafah since ..." is the
/// same claim twice. Figures of one article with the same count, unit and movement are merged when they name the same
/// place or one of them names none; the merged figure keeps the most precise reading (a place, an origin, an agency,
/// a stated date) and the quote of the fuller sentence. Figures at different places stay apart: "10,000 in Goma and
/// 10,000 in Bukavu" are two. Copies across articles are claims, counted in the database (Migrations/0005).
/// </remarks>
internal static class RepeatedFigures
{
    public static List<DisplacementFigure> Merge(List<DisplacementFigure> figures)
    {
        if (figures.Count < 2) return figures;
        var kept = new List<DisplacementFigure>(figures.Count);
        foreach (var figure in figures)
        {
            var i = kept.FindIndex(k => SameClaim(k, figure));
            if (i < 0) kept.Add(figure);
            else kept[i] = Fuller(kept[i], figure);
        }
        return kept;
    }

    private static bool SameClaim(DisplacementFigure a, DisplacementFigure b) =>
        a.People == b.People && a.Unit == b.Unit && a.Movement == b.Movement
        && (a.Place is null || b.Place is null || a.Place.Id == b.Place.Id);

    private static DisplacementFigure Fuller(DisplacementFigure a, DisplacementFigure b)
    {
        var (main, other) = Detail(b) > Detail(a) ? (b, a) : (a, b);
        return main with
        {
            Place = main.Place ?? other.Place,
            Origin = main.Origin ?? other.Origin,
            Direction = main.Place is null ? other.Direction : main.Direction,
            SourceAgency = main.SourceAgency ?? other.SourceAgency,
            Confidence = Math.Max(main.Confidence, other.Confidence),
        };
    }

    private static int Detail(DisplacementFigure f) =>
        (f.Place is null ? 0 : 4) + (f.Origin is null ? 0 : 2) + (f.SourceAgency is null ? 0 : 1) + (f.AsOfBasis == AsOfBasis.Text ? 1 : 0)
        + (f.Sentence.Length > 120 ? 1 : 0);
}
