using GeoSituation.Core.Articles;
using GeoSituation.Core.Displacement;
using GeoSituation.Core.Events;

namespace GeoSituation.Server.Articles;

/// <summary>
/// What the text pipeline found, as the API writes it: one shape for a figure and one for an event, shared by
/// <c>POST /articles</c> (what was stored) and <c>POST /analyze</c> (the preview), so the two never drift apart.
/// Names and words come from the wire vocabulary (<see cref="WireNames"/>, <see cref="AcledCodes"/>).
/// </summary>
internal static class AnalysisJson
{
    /// <summary>A displacement figure: the number, where it is and what it counts, with its offsets in the text.</summary>
    public static object Figure(DisplacementFigure f) => new
    {
        people = f.People,
        low = f.Low,
        high = f.High,
        qualifier = f.Qualifier,
        number_text = f.NumberText,
        start = f.Span.Start,
        end = f.Span.End,
        direction = WireNames.Of(f.Direction),
        place = f.Place?.Name,
        geonameid = f.Place is { Id: > 0 } p ? p.Id : (long?)null,
        origin = f.Origin?.Name,
        as_of = f.AsOf,
        confidence = f.Confidence,
        unit = WireNames.Of(f.Unit),
        stated_count = f.StatedCount,
        household_size = f.HouseholdSize,
        movement = WireNames.Of(f.Movement),
        source_agency = f.SourceAgency,
    };

    /// <summary>An event with ACLED's type, actors and codes.</summary>
    public static object Event(SituationEvent e) => new
    {
        event_type = WireNames.Of(e.Type),
        sub_type = e.SubType,
        place = e.Place.Name,
        date = e.Date,
        fatalities = e.Fatalities,
        confidence = e.Confidence,
        actor1 = e.Actor1?.Name,
        inter1 = AcledCodes.Inter(e.Actor1),
        actor2 = e.Actor2?.Name,
        inter2 = AcledCodes.Inter(e.Actor2),
        interaction = AcledCodes.Interaction(e.Actor1, e.Actor2),
    };

    public static object[] Figures(ArticleAnalysis analysis) => [.. analysis.Displacement.Select(Figure)];

    public static object[] Events(ArticleAnalysis analysis) => [.. analysis.Events.Select(Event)];
}
