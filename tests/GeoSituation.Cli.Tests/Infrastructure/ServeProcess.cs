using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GeoSituation.Cli.Tests.Infrastructure;

/// <summary>`geosituation serve` on a free loopback port against a given database: one replica of the server.</summary>
public sealed class ServeProcess : IAsyncDisposable
{
    public const string ApiKey = "cli-tests-writer-key-0123456789";

    private readonly Process process;
    private readonly string dataFolder;
    private readonly StringBuilder log = new();

    private ServeProcess(Process process, string dataFolder, Uri baseAddress)
    {
        this.process = process;
        this.dataFolder = dataFolder;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public HttpClient Http { get; }

    public string Log { get { lock (log) return log.ToString(); } }

    public static async Task<ServeProcess> StartAsync(string connectionString)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var dataFolder = Directory.CreateTempSubdirectory("geosituation-serve-").FullName;
        var start = CliProcess.StartInfo(
            ["serve", "--urls", baseAddress.ToString().TrimEnd('/'), "--db", connectionString, "--data", dataFolder],
            new Dictionary<string, string> { ["GEOSITUATION_SEEDS"] = "none", ["GEOSITUATION_API_KEY"] = ApiKey, ["ASPNETCORE_ENVIRONMENT"] = "Production" });
        start.RedirectStandardInput = false;
        var server = new ServeProcess(Process.Start(start)!, dataFolder, baseAddress);
        try
        {
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (true)
            {
                if (server.process.HasExited) throw new InvalidOperationException($"serve exited with {server.process.ExitCode}:\n{server.Log}");
                try
                {
                    using var response = await server.Http.GetAsync("/healthz");
                    if (response.StatusCode == HttpStatusCode.OK) return server;
                }
                catch (HttpRequestException) { }
                if (DateTime.UtcNow > deadline) throw new TimeoutException("serve did not become healthy:\n" + server.Log);
                await Task.Delay(250);
            }
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        try { Directory.Delete(dataFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
