namespace GeoSituation.Server.Security;

/// <summary>
/// Text no endpoint accepts: C0 control characters but the whitespace ones (tab, LF, VT, FF, CR; NUL cannot be stored in PostgreSQL text),
/// DEL, and unpaired UTF-16 surrogates (JSON may carry them as "\uD800"; they cannot be encoded as UTF-8 for the
/// database or the response).
/// </summary>
internal static class TextValidation
{
    public static bool IsClean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c < 0x20 && c is not (>= '\t' and <= '\r')) || c == 0x7F) return false;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(c)) return false;
        }
        return true;
    }
}
