using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using GeoSituation.Server.Tests.Browser;

namespace GeoSituation.Server.Tests.Robustness;

/// <summary>
/// The server in its own process on a data folder the test chooses, so it can be killed with SIGKILL and started
/// again on the same folder (the in-process <c>ServerFixture</c> cannot be killed; <c>ServerProcess</c> owns a
/// throw-away folder). Its output is kept for the log checks.
/// </summary>
internal sealed class KillableServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private KillableServer(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri BaseAddress { get; }
    public HttpClient Http { get; }
    public int Pid => process.Id;

    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    public static async Task<KillableServer> StartAsync(string dataFolder, string apiKey, IDictionary<string, string>? environment = null)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(ServerProcess.RepositoryRoot, "src", "GeoSituation.Server"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ServerDll());
        start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["GEOSITUATION_DATA"] = dataFolder;
        start.Environment["GEOSITUATION_API_KEY"] = apiKey;
        start.Environment["GEOSITUATION_SEEDS"] = "none";
        start.Environment.Remove("GEOSITUATION_DB");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the server process.");
        var server = new KillableServer(process, baseAddress);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitHealthyAsync(TimeSpan.FromMinutes(3));
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    private async Task WaitHealthyAsync(TimeSpan bound)
    {
        var deadline = DateTime.UtcNow + bound;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The server exited with {process.ExitCode}:\n{Tail()}");
            try
            {
                using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                using var response = await Http.GetAsync("/healthz", attempt.Token);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"No healthy /healthz within {bound}:\n{Tail()}");
    }

    public string Tail()
    {
        var text = Output;
        return text.Length > 4000 ? text[^4000..] : text;
    }

    /// <summary>SIGKILL: no shutdown code runs, in-flight requests are cut.</summary>
    public async Task KillAsync()
    {
        if (process.HasExited) return;
        process.Kill(entireProcessTree: false);
        await process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, then the exit code (the host's graceful shutdown: in-flight requests finish, the cluster stops).</summary>
    public async Task<int> TerminateAsync(TimeSpan bound)
    {
        if (!process.HasExited) await EmbeddedCluster.RunAsync("kill", "-TERM", process.Id.ToString(CultureInfo.InvariantCulture));
        using var timeout = new CancellationTokenSource(bound);
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!process.HasExited)
        {
            try
            {
                await TerminateAsync(TimeSpan.FromSeconds(40));
            }
            catch (OperationCanceledException)
            {
                await KillAsync();
            }
        }
        process.Dispose();
    }

    // The server's own build output, same configuration as this test assembly (as ServerProcess finds it).
    private static string ServerDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Parent?.Name ?? "Debug";
        var path = Path.Combine(ServerProcess.RepositoryRoot, "src", "GeoSituation.Server", "bin", configuration, "net10.0", "GeoSituation.Server.dll");
        return File.Exists(path) ? path : Path.Combine(AppContext.BaseDirectory, "GeoSituation.Server.dll");
    }
}
