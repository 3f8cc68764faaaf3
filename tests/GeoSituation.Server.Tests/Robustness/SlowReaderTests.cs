using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using GeoSituation.Server.Tests.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GeoSituation.Server.Tests.Robustness;

/// <summary>
/// Issue 13, point 2: clients that ask for large pages and never read them must not take the database away from
/// everyone else. A second server with a pool of 4 connections on a database of its own holding 30,000 places with
/// long names, so a page of 10,000 is about 13 MB of JSON, far beyond what loopback socket buffers absorb (the seed's
/// pages fit in them, and the stalled reads never blocked). 12 stalled readers used to hold all 4 connections while
/// their writes blocked: every database-backed request then waited for a connection and answered 503. And Linux
/// queued megabytes for each of them before the writes blocked at all.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class SlowReaderTests(ServerFixture fixture)
{
    [Fact]
    public async Task Clients_that_never_read_large_pages_do_not_take_the_database_from_others()
    {
        var shared = fixture.Services.GetRequiredService<NpgsqlDataSource>();
        var name = $"slow_readers_{Guid.NewGuid():N}";
        await using (var create = shared.CreateCommand($"CREATE DATABASE {name}")) await create.ExecuteNonQueryAsync();
        try
        {
            var database = fixture.DatabaseConnection();
            database.Database = name;
            await StallAndServeOthersAsync(new NpgsqlConnectionStringBuilder(database.ConnectionString)
            {
                MaxPoolSize = 4,
                Timeout = 5,
            });
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var drop = shared.CreateCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            await drop.ExecuteNonQueryAsync();
        }
    }

    private async Task StallAndServeOthersAsync(NpgsqlConnectionStringBuilder database)
    {
        await using var app = ServerApp.Build(
        [
            "--urls=http://127.0.0.1:0",
            $"--GEOSITUATION_DATA={fixture.DataFolder}",
            "--GEOSITUATION_SEEDS=none",
            $"--GEOSITUATION_API_KEY={ServerFixture.ApiKey}",
            $"--GEOSITUATION_DB={database.ConnectionString}",
            "--GEOSITUATION_WRITE_TIMEOUT_SECONDS=3",
            "--GEOSITUATION_CLIENT_CONCURRENCY=100",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await app.StartAsync();
        // The server has made the schema; 30,000 mentioned places with 1,200-character names.
        await using (var fill = app.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("""
            INSERT INTO places (id, name, kind, geom, mention_count, article_count)
            SELECT i, 'Place ' || i || ' ' || repeat('n', 1200), 'city', ST_SetSRID(ST_MakePoint(34 + i / 100000.0, 31), 4326), 1, 1
            FROM generate_series(1, 30000) AS i
            """))
        {
            await fill.ExecuteNonQueryAsync();
        }
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        var stalled = new List<Socket>();
        try
        {
            for (var i = 0; i < 12; i++)
            {
                // A tiny receive window and no reads: the server's writes block as soon as the socket buffers fill.
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 1024 };
                stalled.Add(socket);
                await socket.ConnectAsync(IPAddress.Loopback, address.Port);
                await socket.SendAsync(Encoding.ASCII.GetBytes(
                    $"GET /collections/places/items?limit=10000 HTTP/1.1\r\nHost: 127.0.0.1:{address.Port}\r\nConnection: close\r\n\r\n"));
            }
            await Task.Delay(TimeSpan.FromSeconds(2));

            // What the kernel holds for each stalled reader is bounded by the server's fixed send buffer
            // (GEOSITUATION_SEND_BUFFER_KB, 256 KB, which Linux doubles): autotuned, it had grown to 2.8 MB, some 6,000
            // features that PostgreSQL built for a client that read none of them.
            var queued = ServerSendQueues(address.Port, stalled);
            Assert.Equal(stalled.Count, queued.Count);
            Assert.All(queued, bytes => Assert.InRange(bytes, 1, 2 * 256 * 1024 + 64 * 1024));

            // Others are served at once while the stalled readers are still connected.
            for (var round = 0; round < 3; round++)
            {
                var clock = Stopwatch.StartNew();
                using var health = await http.GetAsync("/healthz");
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);
                using var page = await http.GetAsync("/collections/places/items?limit=5");
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                using var csv = await http.GetAsync("/collections/displacement/items?f=csv&limit=5");
                Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"round {round}: {clock.Elapsed.TotalSeconds:0.0} s");
            }

            // After the write timeout (3 s) the stalled responses are cut: no connection stays open. Read only once it
            // has passed, so reading does not unblock a write that was about to be cut.
            await Task.Delay(TimeSpan.FromSeconds(5));
            var deadline = Stopwatch.StartNew();
            foreach (var socket in stalled)
            {
                var received = await ReceivedUntilClosedAsync(socket, TimeSpan.FromSeconds(20) - deadline.Elapsed);
                Assert.True(received >= 0, "a stalled reader was not cut");
                // Cut, not finished: the page did not fit in the socket buffers, so the server's writes really blocked.
                Assert.True(received < 10_000_000, $"a stalled reader got {received} bytes: the whole page fitted in the buffers");
            }
        }
        finally
        {
            foreach (var socket in stalled) socket.Dispose();
            await app.StopAsync();
        }
    }

    /// <summary>
    /// Bytes the kernel holds unsent on the server's side of each stalled connection: tx_queue in /proc/net/tcp, on
    /// the rows whose local port is the server's and whose remote port is one of the stalled sockets'.
    /// </summary>
    private static List<long> ServerSendQueues(int serverPort, List<Socket> clients)
    {
        var clientPorts = clients.Select(c => ((IPEndPoint)c.LocalEndPoint!).Port).ToHashSet();
        var queues = new List<long>();
        foreach (var line in File.ReadLines("/proc/net/tcp").Skip(1))
        {
            // sl local_address rem_address st tx_queue:rx_queue ...; addresses are HEXIP:HEXPORT.
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var localPort = Convert.ToInt32(fields[1].Split(':')[1], 16);
            var remotePort = Convert.ToInt32(fields[2].Split(':')[1], 16);
            if (localPort == serverPort && clientPorts.Contains(remotePort)) queues.Add(Convert.ToInt64(fields[4].Split(':')[0], 16));
        }
        return queues;
    }

    /// <summary>Reads what the server sent until it closes the connection (the bytes read) or the time is up (-1).</summary>
    private static async Task<long> ReceivedUntilClosedAsync(Socket socket, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within > TimeSpan.Zero ? within : TimeSpan.FromMilliseconds(1));
        var buffer = new byte[64 * 1024];
        long received = 0;
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token)) > 0) received += read;
            return received;
        }
        catch (SocketException)
        {
            return received;
        }
        catch (OperationCanceledException)
        {
            return -1;
        }
    }
}
