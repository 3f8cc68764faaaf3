using System.Globalization;
using System.Text.Json;
using SkiaSharp;

namespace GeoSituation.Server.Tiles.Raster;

/// <summary>
/// Evaluates the MapLibre style expressions our style.json uses (get, has, to-number, arithmetic, comparisons,
/// interpolate linear, step, match, case, coalesce, zoom) so raster tiles follow the same style file as the map
/// instead of a copy of its numbers. Anything else (feature-state, text formatting) evaluates to null, which
/// paint properties treat as "use the default".
/// </summary>
internal static class StyleExpression
{
    /// <summary>The value: double, string, bool, SKColor (from interpolated colours) or null.</summary>
    public static object? Evaluate(JsonElement expression, JsonElement properties, double zoom)
    {
        switch (expression.ValueKind)
        {
            case JsonValueKind.Number: return expression.GetDouble();
            case JsonValueKind.String: return expression.GetString();
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
            case JsonValueKind.Array: break;
            default: return null;
        }
        var args = expression.EnumerateArray().ToArray();
        if (args.Length == 0 || args[0].ValueKind != JsonValueKind.String) return null;
        object? Arg(int i) => i < args.Length ? Evaluate(args[i], properties, zoom) : null;
        switch (args[0].GetString())
        {
            case "get": return Property(properties, Arg(1) as string);
            case "has": return Arg(1) is string name && properties.ValueKind == JsonValueKind.Object
                && properties.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;
            case "zoom": return zoom;
            case "literal": return args.Length > 1 ? Literal(args[1]) : null;
            case "to-number":
                for (var i = 1; i < args.Length; i++)
                {
                    if (ToNumber(Arg(i)) is { } number) return number;
                }
                return 0d;
            case "to-boolean": return Arg(1) switch { null => false, bool b => b, double d => d != 0 && !double.IsNaN(d), string s => s.Length > 0, _ => true };
            case "to-string": return Arg(1) is { } any ? Convert.ToString(any, CultureInfo.InvariantCulture) : "";
            case "coalesce":
                for (var i = 1; i < args.Length; i++)
                {
                    if (Arg(i) is { } found) return found;
                }
                return null;
            case "sqrt": return Math.Sqrt(Number(Arg(1)));
            case "ln": return Math.Log(Number(Arg(1)));
            case "abs": return Math.Abs(Number(Arg(1)));
            case "max": return Enumerable.Range(1, args.Length - 1).Select(i => Number(Arg(i))).DefaultIfEmpty(double.NaN).Max();
            case "min": return Enumerable.Range(1, args.Length - 1).Select(i => Number(Arg(i))).DefaultIfEmpty(double.NaN).Min();
            case "+": return Enumerable.Range(1, args.Length - 1).Sum(i => Number(Arg(i)));
            case "*": return Enumerable.Range(1, args.Length - 1).Aggregate(1d, (p, i) => p * Number(Arg(i)));
            case "-": return args.Length == 2 ? -Number(Arg(1)) : Number(Arg(1)) - Number(Arg(2));
            case "/": return Number(Arg(1)) / Number(Arg(2));
            case "!": return !Truthy(Arg(1));
            case "all": return Enumerable.Range(1, args.Length - 1).All(i => Truthy(Arg(i)));
            case "any": return Enumerable.Range(1, args.Length - 1).Any(i => Truthy(Arg(i)));
            case "==": return Equal(Arg(1), Arg(2));
            case "!=": return !Equal(Arg(1), Arg(2));
            case "<": return Compare(Arg(1), Arg(2)) is < 0;
            case "<=": return Compare(Arg(1), Arg(2)) is <= 0;
            case ">": return Compare(Arg(1), Arg(2)) is > 0;
            case ">=": return Compare(Arg(1), Arg(2)) is >= 0;
            case "case":
                for (var i = 1; i + 1 < args.Length; i += 2)
                {
                    if (Truthy(Arg(i))) return Arg(i + 1);
                }
                return args.Length % 2 == 0 ? Arg(args.Length - 1) : null;
            case "match": return Match(args, Arg(1), properties, zoom);
            case "step": return Step(args, Number(Arg(1)), properties, zoom);
            case "interpolate": return Interpolate(args, Number(Arg(2)), properties, zoom);
            default: return null;
        }
    }

    public static double? ToNumber(object? value) => value switch
    {
        double d => d,
        bool b => b ? 1 : 0,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    public static SKColor? ToColor(object? value) => value switch
    {
        SKColor c => c,
        string s when StyleColor.TryParse(s, out var parsed) => parsed,
        _ => null,
    };

    public static bool Truthy(object? value) => value is true;

    private static double Number(object? value) => ToNumber(value) ?? double.NaN;

    private static object? Property(JsonElement properties, string? name)
    {
        if (name is null || properties.ValueKind != JsonValueKind.Object || !properties.TryGetProperty(name, out var value)) return null;
        return Literal(value);
    }

    private static object? Literal(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static bool Equal(object? a, object? b) => (a, b) switch
    {
        (double x, double y) => x == y,
        _ => Equals(a, b),
    };

    private static int? Compare(object? a, object? b) => (a, b) switch
    {
        (double x, double y) => x.CompareTo(y),
        (string x, string y) => string.CompareOrdinal(x, y),
        _ => null,
    };

    private static object? Match(JsonElement[] args, object? input, JsonElement properties, double zoom)
    {
        // ["match", input, label1, output1, label2, output2, ..., fallback]; a label may be an array of labels.
        for (var i = 2; i + 1 < args.Length; i += 2)
        {
            var labels = args[i].ValueKind == JsonValueKind.Array ? args[i].EnumerateArray().Select(Literal) : [Literal(args[i])];
            if (labels.Any(label => Equal(label, input))) return Evaluate(args[i + 1], properties, zoom);
        }
        return Evaluate(args[^1], properties, zoom);
    }

    private static object? Step(JsonElement[] args, double input, JsonElement properties, double zoom)
    {
        // ["step", input, output0, stop1, output1, stop2, output2, ...]
        var chosen = args[2];
        for (var i = 3; i + 1 < args.Length; i += 2)
        {
            if (input >= args[i].GetDouble()) chosen = args[i + 1];
            else break;
        }
        return Evaluate(chosen, properties, zoom);
    }

    private static object? Interpolate(JsonElement[] args, double input, JsonElement properties, double zoom)
    {
        // ["interpolate", ["linear"], input, stop1, output1, ...]: clamped outside the stops, like MapLibre.
        if (args.Length < 5 || double.IsNaN(input)) return args.Length >= 5 ? Evaluate(args[4], properties, zoom) : null;
        var stops = new List<(double Stop, object? Output)>();
        for (var i = 3; i + 1 < args.Length; i += 2) stops.Add((args[i].GetDouble(), Evaluate(args[i + 1], properties, zoom)));
        if (input <= stops[0].Stop) return stops[0].Output;
        if (input >= stops[^1].Stop) return stops[^1].Output;
        var upper = stops.FindIndex(s => s.Stop > input);
        var (x0, y0) = stops[upper - 1];
        var (x1, y1) = stops[upper];
        var t = (input - x0) / (x1 - x0);
        if (ToNumber(y0) is { } n0 && ToNumber(y1) is { } n1) return n0 + (n1 - n0) * t;
        if (ToColor(y0) is { } c0 && ToColor(y1) is { } c1) return StyleColor.Mix(c0, c1, t);
        return y0;
    }
}
