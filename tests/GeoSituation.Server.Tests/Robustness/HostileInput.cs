using System.Text;

namespace GeoSituation.Server.Tests.Robustness;

/// <summary>What a hostile or broken client sends: injection strings, broken encodings, absurd numbers, oversized values.</summary>
internal static class HostileInput
{
    /// <summary>Values for path segments and query parameters (raw; callers escape them for the URL).</summary>
    public static readonly string[] Values =
    [
        "' OR '1'='1",
        "1; DROP TABLE articles; --",
        "\" OR 1=1 --",
        "$1",
        "places\"; SELECT pg_sleep(10); --",
        "../../../../etc/passwd",
        "<script>alert(1)</script>",
        "${jndi:ldap://127.0.0.1/x}",
        "%00",
        "\0",
        "\uFFFF\uFFFE",
        "\u202Egnp.exe",
        "Z\u0351\u0334\u0322\u0308\u0302",
        "-1",
        "-0",
        "99999999999999999999999999999999",
        "1e309",
        "-1e309",
        "NaN",
        "Infinity",
        "0x7fffffff",
        "2147483648",
        "1,2,3,4,5,6,7",
        "-180,-90,180,90,1,2",
        "..",
        "2024-02-30T25:61:61Z/..",
        "../..",
        new string('9', 300),
        new string('a', 3000),
    ];

    /// <summary>Invalid UTF-8 sequences, sent percent-encoded (the server must decode them without failing).</summary>
    public static readonly string[] RawEncoded = ["%FF%FE%FD", "%C0%AF", "%ED%A0%80", "%F4%90%80%80", "%E2%82"];

    /// <summary>Query parameters the endpoints read, plus names no endpoint knows (one with injection in its name).</summary>
    public static readonly string[] Parameters = ["bbox", "datetime", "limit", "offset", "after", "before", "f", "q", "layers", "name", "name'--", "id"];

    /// <summary>Bodies for the write endpoints: (description, content type, bytes). None of them is a valid article.</summary>
    public static IEnumerable<(string Name, string? ContentType, byte[] Body)> Bodies()
    {
        static byte[] U(string s) => Encoding.UTF8.GetBytes(s);
        yield return ("truncated JSON", "application/json", U("{\"title\":\"Rafah\",\"text\":\"Fam"));
        yield return ("only an opening brace", "application/json", U("{"));
        yield return ("empty JSON body", "application/json", []);
        yield return ("empty text body", "text/plain", []);
        yield return ("JSON null", "application/json", U("null"));
        yield return ("JSON number", "application/json", U("12345678901234567890123456789"));
        yield return ("JSON array", "application/json", U("[{\"text\":\"Rafah\"}]"));
        yield return ("text is a number", "application/json", U("{\"text\":1e999999}"));
        yield return ("text is an object", "application/json", U("{\"text\":{\"$gt\":\"\"}}"));
        yield return ("text is an array", "application/json", U("{\"text\":[\"Rafah\"]}"));
        yield return ("text is null", "application/json", U("{\"text\":null}"));
        yield return ("title is a number", "application/json", U("{\"title\":7,\"text\":\"Rafah\"}"));
        yield return ("published is a huge number", "application/json", U("{\"text\":\"Rafah\",\"published\":1e400}"));
        yield return ("published out of range", "application/json", U("{\"text\":\"Rafah\",\"published\":\"99999-01-01\"}"));
        yield return ("published is a month 13", "application/json", U("{\"text\":\"Rafah\",\"published\":\"2024-13-45T00:00:00Z\"}"));
        yield return ("url is an object", "application/json", U("{\"text\":\"Rafah\",\"url\":{}}"));
        yield return ("NUL escape in text", "application/json", U("{\"text\":\"Rafah\\u0000\"}"));
        yield return ("raw NUL byte in text", "text/plain", U("Rafah\0Gaza"));
        yield return ("raw NUL byte in JSON", "application/json", U("{\"text\":\"Ra\0fah\"}"));
        yield return ("lone surrogate escape", "application/json", U("{\"text\":\"\\uD800\"}"));
        yield return ("invalid UTF-8 in JSON", "application/json", [.. U("{\"text\":\"Ra"), 0xC3, 0x28, .. U("fah\"}")]);
        yield return ("overlong UTF-8 in text", "text/plain", [0x52, 0xC0, 0xAF, 0x61]);
        yield return ("UTF-16 text", "text/plain", Encoding.Unicode.GetBytes("Rafah"));
        yield return ("nesting 5000 deep", "application/json", U(new string('[', 5000) + new string(']', 5000)));
        yield return ("object nesting 100 deep", "application/json", U(string.Concat(Enumerable.Repeat("{\"text\":", 100)) + "1" + new string('}', 100)));
        yield return ("XML", "application/xml", U("<article><text>Rafah</text></article>"));
        yield return ("form", "application/x-www-form-urlencoded", U("text=Rafah"));
        yield return ("multipart", "multipart/form-data; boundary=x", U("--x\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nRafah\r\n--x--\r\n"));
        yield return ("no content type", null, U("{\"text\":\"Rafah\"}"));
        yield return ("garbage content type", "application/json; charset=ebcdic; ;;==", U("{\"text\":"));
        // 10 MB bodies: see A_10_MB_body_is_refused_with_413_problem_json_before_it_is_read. Just above the 1 MB limit:
        yield return ("1 MB + 10 KB JSON", "application/json", U("{\"text\":\"" + new string('a', 1034 * 1024) + "\"}"));
    }
}
