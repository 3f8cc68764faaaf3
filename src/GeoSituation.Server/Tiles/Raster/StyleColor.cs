using System.Globalization;
using SkiaSharp;

namespace GeoSituation.Server.Tiles.Raster;

/// <summary>The CSS colour forms the map style uses (#rgb, #rrggbb, rgb(), rgba()), as Skia colours.</summary>
internal static class StyleColor
{
    public static bool TryParse(string text, out SKColor color)
    {
        color = SKColors.Transparent;
        var s = text.Trim();
        if (s.StartsWith('#')) return SKColor.TryParse(s, out color);
        var open = s.IndexOf('(', StringComparison.Ordinal);
        if (open < 0 || !s.EndsWith(')')) return false;
        var function = s[..open].Trim().ToLowerInvariant();
        var parts = s[(open + 1)..^1].Split(',', StringSplitOptions.TrimEntries);
        if (function is not ("rgb" or "rgba") || parts.Length is < 3 or > 4) return false;
        var values = new double[4] { 0, 0, 0, 1 };
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i])) return false;
        }
        color = new SKColor(Channel(values[0]), Channel(values[1]), Channel(values[2]), Channel(values[3] * 255));
        return true;
    }

    /// <summary>Linear blend in RGBA, as MapLibre's interpolate does for colours in the default (rgb) space.</summary>
    public static SKColor Mix(SKColor from, SKColor to, double t) => new(
        Channel(from.Red + (to.Red - from.Red) * t),
        Channel(from.Green + (to.Green - from.Green) * t),
        Channel(from.Blue + (to.Blue - from.Blue) * t),
        Channel(from.Alpha + (to.Alpha - from.Alpha) * t));

    /// <summary>The colour with its alpha multiplied by a paint opacity.</summary>
    public static SKColor WithOpacity(SKColor color, double opacity) => color.WithAlpha(Channel(color.Alpha * Math.Clamp(opacity, 0, 1)));

    private static byte Channel(double value) => (byte)Math.Clamp(Math.Round(value), 0, 255);
}
