namespace GeoSituation.Server.Security;

/// <summary>
/// Every configured key must carry at least 128 bits, as a generated one does: 22 characters or more (base64 or
/// text), or 32 or more when the key is only hex digits (4 bits each). A shorter key stops the start.
/// </summary>
internal static class KeyStrength
{
    public const int MinimumCharacters = 22;
    public const int MinimumHexDigits = 32;

    public static bool IsStrong(string key) =>
        key.All(char.IsAsciiHexDigit) ? key.Length >= MinimumHexDigits : key.Length >= MinimumCharacters;

    /// <summary>The message for a key that is too short; <paramref name="where"/> names the setting, never the key.</summary>
    public static string Weak(string where) =>
        $"{where}: the key is too short to resist guessing. Use at least 128 bits: {MinimumCharacters} or more characters " +
        $"({MinimumHexDigits} or more if only hex digits), e.g. `openssl rand -base64 32`.";
}
