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
/// everyone else. A second server on the shared test database with a pool of 4 connections: 12 stalled readers
/// used to hold all 4 (every database-backed request then waited 15 s for a connection and answered 503).
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class SlowReaderTests(ServerFixture fixture)
{
    [Fact]
    public async Task Clients_that_never_read_large_pages_do_not_take_the_database_from_others()
    {
        // The data source's connection string drops the password (Npgsql's Persist Security Info): the embedded
        // cluster's is in its password file.
        var database = new NpgsqlConnectionStringBuilder(fixture.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString)
        {
            Password = File.ReadAllText(GeoSituation.Postgis.Embedded.EmbeddedPostgres.PasswordFile(fixture.DataFolder)).Trim(),
            MaxPoolSize = 4,
            Timeout = 5,
        };
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
                    $"GET /collections/mentions/items?limit=10000 HTTP/1.1\r\nHost: 127.0.0.1:{address.Port}\r\nConnection: close\r\n\r\n"));
            }
            await Task.Delay(TimeSpan.FromSeconds(2));

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

            // After the write timeout the stalled responses are cut (or, if one fitted in the socket buffers, it ended): no
            // connection stays open.
            var deadline = Stopwatch.StartNew();
            foreach (var socket in stalled)
            {
                Assert.True(await ClosedByServerAsync(socket, TimeSpan.FromSeconds(20) - deadline.Elapsed), "a stalled reader was not cut");
            }
        }
        finally
        {
            foreach (var socket in stalled) socket.Dispose();
            await app.StopAsync();
        }
    }

    /// <summary>Reads what the server sent until it closes the connection (true) or the time is up (false).</summary>
    private static async Task<bool> ClosedByServerAsync(Socket socket, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within > TimeSpan.Zero ? within : TimeSpan.FromMilliseconds(1));
        var buffer = new byte[64 * 1024];
        try
        {
            while (await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token) > 0) { }
            return true;
        }
        catch (SocketException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
