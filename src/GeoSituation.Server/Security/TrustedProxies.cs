using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace GeoSituation.Server.Security;

/// <summary>
/// The client address is the connection's, unless the connection comes from a proxy named in
/// GEOSITUATION_TRUSTED_PROXIES (comma-separated IPs or CIDRs): then X-Forwarded-For (and X-Forwarded-Proto) are
/// read. Nobody else can choose the address the rate limits count against; with the variable unset the headers
/// are ignored, loopback included (ASP.NET Core trusts loopback by default: we do not).
/// </summary>
internal static class TrustedProxies
{
    public const string Setting = "GEOSITUATION_TRUSTED_PROXIES";

    public static IReadOnlyList<IPNetwork> Parse(string? value)
    {
        var networks = new List<IPNetwork>();
        if (string.IsNullOrWhiteSpace(value)) return networks;
        foreach (var entry in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (IPNetwork.TryParse(entry, out var network)) networks.Add(network);
            else if (IPAddress.TryParse(entry, out var address)) networks.Add(new IPNetwork(address, address.GetAddressBytes().Length * 8));
            else throw new InvalidOperationException($"{Setting}: '{entry}' is neither an IP address nor a CIDR range (e.g. 10.0.0.0/8).");
        }
        return networks;
    }

    public static void Configure(ForwardedHeadersOptions options, IReadOnlyList<IPNetwork> proxies)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var network in proxies) options.KnownIPNetworks.Add(network);
        // A chain of trusted proxies is unwound to the first address none of them owns.
        options.ForwardLimit = null;
    }
}
