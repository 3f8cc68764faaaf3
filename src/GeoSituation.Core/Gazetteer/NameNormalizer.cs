using System.Globalization;

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
        // At most two characters out per character in ("ß" -> "ss"); marks and apostrophes only shrink it.
        var buffer = name.Length <= 128 ? stackalloc char[name.Length * 2] : new char[name.Length * 2];
        var n = 0;
        var pendingSpace = false;
        foreach (var c in name)
        {
            if (c < 128)
            {
                if (c is '-' or ' ' or '\t' or '_' or '/' or '\n' or '\r')
                {
                    pendingSpace = n > 0;
                    continue;
                }
                if (c is '\'' or '`') continue;
                if (pendingSpace)
                {
                    buffer[n++] = ' ';
                    pendingSpace = false;
                }
                buffer[n++] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
                continue;
            }
            AppendNonAscii(buffer, ref n, c, ref pendingSpace);
        }
        return new string(buffer[..n]);
    }

    private static void AppendNonAscii(Span<char> buffer, ref int n, char c, ref bool pendingSpace)
    {
        if (c is '‘' or '’' or 'ʻ' or 'ʼ' or 'ʿ' or 'ʾ' or '´' or '\u200c' or '\u200e' or '\u200f') return;
        if (c is '–' or '—' or '\u00a0' or '‐' or '‑')
        {
            pendingSpace = n > 0;
            return;
        }
        if (pendingSpace)
        {
            buffer[n++] = ' ';
            pendingSpace = false;
        }
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
            foreach (var ch in special) buffer[n++] = ch;
            return;
        }
        if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) return;
        buffer[n++] = LatinFolding.Fold(c);
    }
}
