using System.Globalization;
using System.Text;

namespace GeoSituation.Core.Gazetteer;

/// <summary>The one key every place name is indexed and looked up by.</summary>
/// <remarks>
/// News spells the same place "Khān Yūnis", "Khan Yunis", "khan-yunis" and "Khan  Yunis": the key drops
/// diacritics, case, apostrophe-like marks (GeoNames' ‘Ayn and ʻokina) and treats hyphens as spaces, so all of
/// them meet. Full stops are kept: "U.S." and "us" must stay different words.
/// </remarks>
public static class NameNormalizer
{
    public static string Normalize(ReadOnlySpan<char> name)
    {
        var sb = new StringBuilder(name.Length);
        var pendingSpace = false;
        foreach (var c in name)
        {
            if (c < 128)
            {
                if (c is '-' or ' ' or '\t' or '_' or '/')
                {
                    pendingSpace = sb.Length > 0;
                    continue;
                }
                if (c is '\'' or '`') continue;
                if (pendingSpace) { sb.Append(' '); pendingSpace = false; }
                sb.Append(c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
                continue;
            }
            AppendNonAscii(sb, c, ref pendingSpace);
        }
        return sb.ToString();
    }

    private static void AppendNonAscii(StringBuilder sb, char c, ref bool pendingSpace)
    {
        if (c is '‘' or '’' or 'ʻ' or 'ʼ' or 'ʿ' or 'ʾ' or '´' or '\u200c' or '\u200e' or '\u200f') return;
        if (c is '–' or '—' or '\u00a0' or '‐' or '‑')
        {
            pendingSpace = sb.Length > 0;
            return;
        }
        if (pendingSpace) { sb.Append(' '); pendingSpace = false; }
        var special = c switch
        {
            'ß' => "ss",
            'æ' or 'Æ' => "ae",
            'ø' or 'Ø' => "o",
            'ł' or 'Ł' => "l",
            'đ' or 'Đ' => "d",
            'ı' => "i",
            'œ' or 'Œ' => "oe",
            'þ' or 'Þ' => "th",
            _ => null,
        };
        if (special is not null)
        {
            sb.Append(special);
            return;
        }
        Span<char> one = [c];
        var decomposed = one.ToString().Normalize(NormalizationForm.FormD);
        foreach (var d in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(d) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.ToLowerInvariant(d));
        }
    }
}
