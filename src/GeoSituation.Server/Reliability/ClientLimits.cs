using System.Globalization;

namespace GeoSituation.Server.Reliability;

/// <summary>How much of the server one client may hold: on streamed writes and on the expensive routes.</summary>
/// <remarks>
/// GEOSITUATION_WRITE_TIMEOUT_SECONDS (10): a streamed page whose client reads nothing for this long is cut.
/// GEOSITUATION_CLIENT_CONCURRENCY (8): requests one client address may have running on each expensive route
/// (feature pages, uncached vector tiles, PNG tiles, analysis); 429 beyond.
/// GEOSITUATION_RENDER_CONCURRENCY (cores): PNG tiles drawn at once by the whole process; others wait up to
/// <see cref="RenderQueueWait"/>, then get 503.
/// GEOSITUATION_SEND_BUFFER_KB (256): the kernel's send buffer of each connection (<see cref="SendBufferLimit"/>).
/// </remarks>
internal sealed record ClientLimits(TimeSpan WriteTimeout, int PerClientConcurrency, int RenderConcurrency, int SendBufferBytes)
{
    public static readonly TimeSpan RenderQueueWait = TimeSpan.FromSeconds(2);

    public static ClientLimits From(IConfiguration configuration) => new(
        TimeSpan.FromSeconds(Positive(configuration, "GEOSITUATION_WRITE_TIMEOUT_SECONDS", 10)),
        Positive(configuration, "GEOSITUATION_CLIENT_CONCURRENCY", 8),
        Positive(configuration, "GEOSITUATION_RENDER_CONCURRENCY", Environment.ProcessorCount),
        Positive(configuration, "GEOSITUATION_SEND_BUFFER_KB", 256) * 1024);

    private static int Positive(IConfiguration configuration, string name, int fallback)
    {
        var text = configuration[name];
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            throw new InvalidOperationException($"{name} must be a positive whole number.");
        }
        return value;
    }
}
