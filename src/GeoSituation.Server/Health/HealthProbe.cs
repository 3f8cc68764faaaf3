namespace GeoSituation.Server.Health;

/// <summary><c>GeoSituation.Server --healthcheck</c>: asks a running server's /healthz; exit code 0 when healthy (Docker HEALTHCHECK).</summary>
public static class HealthProbe
{
    public static bool IsRequested(string[] args) => args.Contains("--healthcheck", StringComparer.Ordinal);

    public static async Task<int> RunAsync()
    {
        var urls = Environment.GetEnvironmentVariable("ASPNETCORE_URLS") ?? Hosting.HostingExtensions.DefaultUrl;
        var url = urls.Split(';', StringSplitOptions.RemoveEmptyEntries)[0].Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)
            .Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await client.GetAsync(url.TrimEnd('/') + "/healthz");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return 1;
        }
    }
}
