using GeoSituation.Core.Extraction;

namespace GeoSituation.Core.Events;

/// <summary>When an event happened: the date nearest its cue, never a statement's or a plan's.</summary>
internal sealed partial class EventScan
{
    private static readonly WordSet Reporting = new(
        "said", "says", "told", "announced", "reported", "confirmed", "added", "stated", "claimed", "tweeted", "posted", "wrote");

    // "sank on Wednesday after fighters attacked it ... on Monday", "said on Saturday that ... were killed in a strike
    // on Thursday": with several dates in a sentence, the event takes the one nearest its cue, and a date that dates
    // a statement ("said on Saturday") dates no event.
    private (DateOnly? Date, int Precision) DateOf(EventCue cue, DateOnly? sentenceDate, int sentencePrecision)
    {
        if (dates.Count < 2) return (sentenceDate, sentencePrecision);
        DateExpression? best = null;
        var bestDistance = double.MaxValue;
        foreach (var d in dates)
        {
            if (IsStatementDate(d) || IsPlannedDate(d)) continue;
            var distance = d.FirstToken >= cue.Token ? d.FirstToken - cue.Token : 1.5 * (cue.Token - d.EndToken + 1);
            // A date far from the cue dates another clause ("... since the incursion on Aug. 6").
            if (distance <= DateWindow && distance < bestDistance) (best, bestDistance) = (d, distance);
        }
        return best is { } b ? (b.Date, b.Precision) : (sentenceDate, sentencePrecision);
    }

    private const int DateWindow = 15;

    private static readonly WordSet Planning = new("due", "will", "expected", "scheduled", "set", "planned", "until", "by", "from");

    // "the truce due to take effect on Sunday": a date in the future dates a plan, not what happened.
    private bool IsPlannedDate(DateExpression d)
    {
        for (var k = d.FirstToken - 1; k >= 0 && k >= d.FirstToken - 5; k--)
        {
            if (tokens.In(k, Planning)) return true;
            if (tokens.IsClauseBreak(k) || tokens.IsSymbol(k, ',')) return false;
        }
        return false;
    }

    private bool IsStatementDate(DateExpression d)
    {
        for (var k = d.FirstToken - 1; k >= 0 && k >= d.FirstToken - 2; k--)
        {
            if (tokens.In(k, Reporting)) return true;
        }
        return false;
    }
}
