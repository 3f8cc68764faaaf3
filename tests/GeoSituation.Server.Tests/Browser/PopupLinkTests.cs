using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using GeoSituation.Server.Tests.Api;

namespace GeoSituation.Server.Tests.Browser;

/// <summary>
/// Issue 13, point 9: popups linked articles without a URL to `/null` (new URL(null, location) resolves). The map
/// client's own safeHref, run in Node: only absolute http(s) URLs become links.
/// </summary>
public sealed partial class PopupLinkTests
{
    [Fact]
    public async Task Articles_without_a_url_and_non_http_urls_get_no_link()
    {
        var script = await File.ReadAllTextAsync(Path.Combine(ServerFixture.RepositoryRoot, "src", "GeoSituation.Server", "wwwroot", "map", "situation.js"));
        var function = SafeHref().Match(script);
        Assert.True(function.Success, "situation.js defines safeHref");
        var program = "const location = { href: 'http://127.0.0.1:5080/' };\n" + function.Value +
            "\nconsole.log(JSON.stringify([null, undefined, '', 'null', 'undefined', '/null', 'javascript:alert(1)', 'file:///etc/passwd', 'https://example.org/story?a=1'].map(safeHref)));";
        var start = new ProcessStartInfo("node") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var node = Process.Start(start)!;
        await node.StandardInput.WriteAsync(program);
        node.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var output = await node.StandardOutput.ReadToEndAsync(timeout.Token);
        await node.WaitForExitAsync(timeout.Token);
        Assert.True(node.ExitCode == 0, await node.StandardError.ReadToEndAsync());
        var links = JsonSerializer.Deserialize<string?[]>(output)!;
        Assert.Equal("null,null,null,null,null,null,null,null,https://example.org/story?a=1", string.Join(",", links.Select(l => l ?? "null")));
    }

    [GeneratedRegex(@"function safeHref\(url\) \{.*?\n  \}", RegexOptions.Singleline)]
    private static partial Regex SafeHref();
}
