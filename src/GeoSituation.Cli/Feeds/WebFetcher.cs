using System.Net;
using System.Net.Sockets;
using IPNetwork = System.Net.IPNetwork;

namespace GeoSituation.Cli.Feeds;

/// <summary>
/// Fetches the URLs given to `ingest`, following at most <see cref="MaxRedirects"/> redirects by hand: a redirect
/// may lead only to http(s) on a public address. The URL the operator typed is fetched as given (it may be an
/// intranet feed), but a page must not send us on to loopback, private or link-local addresses (a redirect to the
/// server's own /metrics once became a public article; one to file:// crashed the CLI), unless --allow-private.
/// </summary>
/// <remarks>
/// The address check happens when the socket connects (SocketsHttpHandler.ConnectCallback), on the addresses DNS
/// gave for that very connection, so a name that resolves to a public address when checked and to 127.0.0.1 when
/// used (DNS rebinding) is refused too. Redirect hops go direct, not through HTTP_PROXY, for the same reason.
/// </remarks>
internal sealed class WebFetcher : IDisposable
{
    public const int MaxRedirects = 5;

    private static readonly IPNetwork[] NonPublic =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.0.0.0/24"), IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"), IPNetwork.Parse("224.0.0.0/3"),
        IPNetwork.Parse("::/127"), IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("fec0::/10"), IPNetwork.Parse("ff00::/8"),
    ];

    private readonly HttpClient direct;
    private readonly HttpClient guarded;
    private readonly bool allowPrivate;

    public WebFetcher(bool allowPrivate)
    {
        this.allowPrivate = allowPrivate;
        direct = CreateClient(new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.All });
        guarded = CreateClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            UseProxy = false,
            ConnectCallback = ConnectToPublicAddressAsync,
        });
    }

    /// <summary>The answer at <paramref name="url"/> after its redirects; a refused hop is an <see cref="InvalidDataException"/> with a one-line message.</summary>
    public async Task<HttpResponseMessage> GetAsync(string url, CancellationToken cancellationToken)
    {
        var current = new Uri(url);
        var client = direct;
        for (var hop = 0; ; hop++)
        {
            HttpResponseMessage response;
            try
            {
                response = await client.GetAsync(current, cancellationToken);
            }
            catch (HttpRequestException e) when (e.InnerException is NonPublicAddressException refused)
            {
                throw new InvalidDataException($"{url}: redirect to {current} refused: {refused.Message} (--allow-private follows it)");
            }
            if ((int)response.StatusCode is not (301 or 302 or 303 or 307 or 308)) return response;
            using (response)
            {
                if (response.Headers.Location is not { } location) throw new InvalidDataException($"{url}: HTTP {(int)response.StatusCode} without a Location");
                if (hop == MaxRedirects) throw new InvalidDataException($"{url}: more than {MaxRedirects} redirects");
                var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
                {
                    throw new InvalidDataException($"{url}: redirect to a {next.Scheme}: URL refused (only http and https are fetched)");
                }
                current = next;
                client = allowPrivate ? direct : guarded;
            }
        }
    }

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return !NonPublic.Any(network => network.BaseAddress.AddressFamily == address.AddressFamily && network.Contains(address));
    }

    private static async ValueTask<Stream> ConnectToPublicAddressAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var permitted = addresses.Where(IsPublic).ToArray();
        if (permitted.Length == 0) throw new NonPublicAddressException($"{host} is a loopback, private or link-local address");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(permitted, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>A clear user agent, a timeout, and no more than 10 MB a response.</summary>
    private static HttpClient CreateClient(SocketsHttpHandler handler) => new(handler)
    {
        Timeout = TimeSpan.FromSeconds(30),
        MaxResponseContentBufferSize = 10 * 1024 * 1024,
        DefaultRequestHeaders = { { "User-Agent", "GeoSituation-ingest/1.0" } },
    };

    public void Dispose()
    {
        direct.Dispose();
        guarded.Dispose();
    }

    private sealed class NonPublicAddressException(string message) : IOException(message);
}
