using GeoSituation.Core.Text;

namespace GeoSituation.Core.Extraction;

/// <summary>Recognises "You may be interested in: ..." lines: links to other stories pasted into an article.</summary>
/// <remarks>
/// These lines are headlines of other articles, not this article's reporting. Their events happened on other
/// days that the line does not state, and the linked article reports them itself, so extracting them here
/// would misdate them and count them twice (the seed's "Israeli forces kill two senior Hamas members in Rafah"
/// would become a second, undated battle in Rafah). They also must not steer which place the surrounding
/// sentences are about. So neither events, figures nor discourse focus are taken from them.
/// </remarks>
internal static class TeaserLines
{
    private static readonly string[] Openers =
    [
        "You may be interested in", "You might be interested in", "You may also be interested in",
        "You may also like", "You might also like", "Read also", "Also read", "Read more", "See also",
        "Related", "Related article", "Related articles", "Related story", "Recommended", "More on this",
        "Further reading", "Don't miss", "Don’t miss", "Suggested", "Watch",
    ];

    public static bool IsTeaser(string text, TextSpan sentence)
    {
        var line = text.AsSpan(sentence.Start, sentence.Length);
        foreach (var opener in Openers)
        {
            if (line.Length > opener.Length && line.StartsWith(opener, StringComparison.OrdinalIgnoreCase))
            {
                var rest = line[opener.Length..].TrimStart();
                if (rest.Length > 0 && rest[0] == ':') return true;
            }
        }
        return false;
    }
}
