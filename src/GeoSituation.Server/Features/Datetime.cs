using System.Globalization;

namespace GeoSituation.Server.Features;

/// <summary>The OGC `datetime` parameter: an instant, or an interval "start/end" where either end may be ".." or empty (open).</summary>
/// <remarks>
/// A bare date means the whole day (UTC), so datetime=2024-02-13 matches anything on that day (so does 2024-02-13T,
/// as GDAL writes it). Years 0001-9999 only:
/// the last day ends at <see cref="DateTimeOffset.MaxValue"/>, anything outside the calendar is a parse failure (400).
/// </remarks>
public static class Datetime
{
    public static bool TryParse(string text, out DateTimeOffset? start, out DateTimeOffset? end, out string error)
    {
        start = end = null;
        error = "datetime must be an RFC 3339 date or date-time, or an interval start/end where either side may be '..' (open).";
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            if (!TryParseInstant(text, out var from, out var to)) return false;
            start = from;
            end = to;
        }
        else
        {
            var left = text[..slash];
            var right = text[(slash + 1)..];
            if (right.Contains('/', StringComparison.Ordinal)) return false;
            if (left is not ("" or ".."))
            {
                if (!TryParseInstant(left, out var from, out _)) return false;
                start = from;
            }
            if (right is not ("" or ".."))
            {
                if (!TryParseInstant(right, out _, out var to)) return false;
                end = to;
            }
            if (start > end) { error = "datetime: the interval's start is after its end."; return false; }
        }
        error = "";
        return true;
    }

    private static bool TryParseInstant(string text, out DateTimeOffset from, out DateTimeOffset to)
    {
        from = to = default;
        // GDAL's OAPIF driver (3.6) turns `-where "as_of >= '2024-05-01'"` into datetime=2024-05-01T/..: a date with an
        // empty time, read as the date.
        if (text.Length == 11 && text[10] is 'T' or 't') text = text[..10];
        if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            from = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            // The last day of the calendar ends at DateTimeOffset.MaxValue: AddDays(1) would overflow (a 500 once).
            to = date == DateOnly.MaxValue ? DateTimeOffset.MaxValue : from.AddDays(1).AddTicks(-1);
            return true;
        }
        // RFC 3339 requires a time zone (Z or an offset).
        if (text.Length < 20 || !(text.EndsWith('Z') || text.EndsWith('z') || text[^6] is '+' or '-')) return false;
        // An offset that moves the instant outside years 1-9999 (0001-01-01T00:00:00+01:00) does not parse: a 400.
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out from)) return false;
        to = from;
        return true;
    }
}
