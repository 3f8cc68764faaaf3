using System.Globalization;
using System.Text;

namespace GeoSituation.Server.Reliability.Metrics;

/// <summary>The Prometheus text exposition format (version 0.0.4), written by hand: names, labels, escaping.</summary>
internal sealed class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly StringBuilder text = new();

    /// <summary>Starts a metric family with its help and type lines.</summary>
    public PrometheusText Family(string name, string type, string help)
    {
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
        text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        return this;
    }

    public PrometheusText Sample(string name, string labels, double value)
    {
        text.Append(name);
        if (labels.Length > 0) text.Append('{').Append(labels).Append('}');
        text.Append(' ').Append(Number(value)).Append('\n');
        return this;
    }

    public override string ToString() => text.ToString();

    /// <summary>label="value" pairs, values escaped as the format requires.</summary>
    public static string Labels(params (string Name, string Value)[] labels) =>
        string.Join(',', labels.Select(l => $"{Name(l.Name)}=\"{Escape(l.Value)}\""));

    /// <summary>Labels from instrument tags. The pool name (Npgsql sets it to the connection string) and the server address (a socket path) are dropped.</summary>
    public static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = new List<(string, string)>();
        foreach (var tag in tags)
        {
            if (tag.Key.Contains("pool.name", StringComparison.Ordinal) || tag.Key.StartsWith("server.", StringComparison.Ordinal)) continue;
            labels.Add((tag.Key, Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? ""));
        }
        labels.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return Labels([.. labels]);
    }

    /// <summary>A valid metric or label name: [a-zA-Z_][a-zA-Z0-9_]*, dots and dashes become underscores.</summary>
    public static string Name(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name) builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        if (builder.Length == 0 || char.IsAsciiDigit(builder[0])) builder.Insert(0, '_');
        return builder.ToString();
    }

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    public static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };
}
