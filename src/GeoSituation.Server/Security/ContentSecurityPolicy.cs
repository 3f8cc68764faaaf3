using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace GeoSituation.Server.Security;

/// <summary>
/// The Content-Security-Policy of the HTML pages: everything from this origin only. MapLibre runs its workers
/// from blob: URLs and draws images from data:/blob: URLs; the RTL text plugin is WebAssembly. Inline
/// scripts and styles the pages carry are allowed by their hashes, computed from wwwroot at start.
/// </summary>
internal static partial class ContentSecurityPolicy
{
    /// <summary>The policy for pages that only this origin may frame; <paramref name="frameable"/> for /embed (dashboards frame it).</summary>
    public static string For(IReadOnlyList<string> scriptHashes, IReadOnlyList<string> styleHashes, bool frameable)
    {
        var scripts = string.Concat(scriptHashes.Select(h => $" 'sha256-{h}'"));
        var styles = string.Concat(styleHashes.Select(h => $" 'sha256-{h}'"));
        return "default-src 'self'; " +
               $"script-src 'self' 'wasm-unsafe-eval'{scripts}; " +
               $"style-src 'self'{styles}; " +
               "worker-src 'self' blob:; child-src 'self' blob:; " +
               "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; " +
               "object-src 'none'; base-uri 'self'; form-action 'self'; " +
               (frameable ? "frame-ancestors *" : "frame-ancestors 'self'");
    }

    /// <summary>
    /// The policy of the API reference (/docs): scripts from this origin only, as everywhere; styles may be inline
    /// because Scalar's renderer (Vue) injects its component styles at run time. No hashes here: a hash in
    /// style-src would make browsers ignore 'unsafe-inline'.
    /// </summary>
    public static string ForApiReference() =>
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
        "worker-src 'self' blob:; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /// <summary>SHA-256 (base64) of every inline &lt;script&gt; and &lt;style&gt; body in the HTML files of wwwroot.</summary>
    public static (List<string> Scripts, List<string> Styles) InlineHashes(string? webRoot)
    {
        var scripts = new List<string>();
        var styles = new List<string>();
        if (webRoot is null || !Directory.Exists(webRoot)) return (scripts, styles);
        foreach (var file in Directory.EnumerateFiles(webRoot, "*.html", SearchOption.TopDirectoryOnly))
        {
            var html = File.ReadAllText(file);
            foreach (Match match in InlineScript().Matches(html)) AddHash(scripts, match.Groups["body"].Value);
            foreach (Match match in InlineStyle().Matches(html)) AddHash(styles, match.Groups["body"].Value);
        }
        return (scripts, styles);
    }

    private static void AddHash(List<string> hashes, string body)
    {
        if (body.Length == 0) return;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        if (!hashes.Contains(hash)) hashes.Add(hash);
    }

    // A <script> without src= (inline); its body exactly as the browser hashes it.
    [GeneratedRegex(@"<script(?![^>]*\bsrc\s*=)[^>]*>(?<body>.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<style[^>]*>(?<body>.*?)</style>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyle();
}
