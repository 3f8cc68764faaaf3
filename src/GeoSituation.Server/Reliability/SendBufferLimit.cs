using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;

namespace GeoSituation.Server.Reliability;

/// <summary>
/// A fixed kernel send buffer for every connection, so that a client that stops reading blocks the server's writes
/// after a few hundred KB rather than after Linux has queued megabytes for it.
/// </summary>
/// <remarks>
/// Linux grows a connection's send buffer up to net.ipv4.tcp_wmem's maximum (4 MB here): a client that asked for a
/// 10,000-feature page and read nothing had 2.8 MB queued in the kernel (about 6,000 features that PostgreSQL had to
/// build) before the write timeout could start counting, and did it again each time it reconnected. 150 such clients
/// held 600 MB of kernel memory and cost PostgreSQL a core (bench/load). The size is set on the listening socket,
/// which accepted connections inherit (with autotuning off). The price: one connection cannot send faster than the
/// buffer per round trip (2 x 256 KB, as Linux doubles it: 40 Mbit/s at 100 ms), which a reverse proxy on the same
/// machine never meets; GEOSITUATION_SEND_BUFFER_KB raises it.
/// </remarks>
internal static class SendBufferLimit
{
    public static WebApplicationBuilder AddSendBufferLimit(this WebApplicationBuilder builder)
    {
        var bytes = ClientLimits.From(builder.Configuration).SendBufferBytes;
        builder.WebHost.UseSockets(sockets => sockets.CreateBoundListenSocket = endpoint =>
        {
            var socket = SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
            if (endpoint is IPEndPoint) socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.SendBuffer, bytes);
            return socket;
        });
        return builder;
    }
}
