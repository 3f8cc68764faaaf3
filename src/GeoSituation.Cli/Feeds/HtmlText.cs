using System.Net;
using System.Text.RegularExpressions;

namespace GeoSituation.Cli.Feeds;

/// <summary>Plain text from a fragment of HTML: tags dropped, block ends kept as line breaks, entities decoded.</summary>
internal static partial class HtmlText
{
    public static string ToText(string html)
    {
        var withBreaks = BlockEnd().Replace(Invisible().Replace(html, " "), "\n");
        var text = WebUtility.HtmlDecode(Tag().Replace(withBreaks, " "));
        var lines = text.Split('\n').Select(l => Spaces().Replace(l, " ").Trim()).Where(l => l.Length > 0);
        return string.Join("\n", lines);
    }

    [GeneratedRegex(@"<(script|style|noscript|template|svg)\b[^>]*>.*?</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Invisible();

    [GeneratedRegex(@"<br\s*/?>|</(p|div|h[1-6]|li|blockquote|section|article|tr)\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\u00a0\r\f\v]+")]
    private static partial Regex Spaces();
}
