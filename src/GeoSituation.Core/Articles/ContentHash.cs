using System.Security.Cryptography;
using System.Text;

namespace GeoSituation.Core.Articles;

/// <summary>The identity of an article's text, so the same story ingested twice is stored once.</summary>
public static class ContentHash
{
    /// <summary>SHA-256 (lower-case hex) of the text with line endings and runs of whitespace normalised.</summary>
    /// <remarks>Feeds re-wrap lines and editors trim trailing spaces; neither makes a new article.</remarks>
    public static string Of(string text)
    {
        var normalised = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(c)) { pendingSpace = normalised.Length > 0; continue; }
            if (pendingSpace) { normalised.Append(' '); pendingSpace = false; }
            normalised.Append(c);
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised.ToString())));
    }
}
