using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GeoSituation.Server.Tests.Browser;

/// <summary>
/// The real server as users run it: its own process on a free loopback port, its own embedded
/// PostgreSQL under a temporary data folder, the seed articles ingested.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    public const string ApiKey = "browser-tests-key-0123456789";

    private readonly Process process;
    private readonly string dataDirectory;
    private readonly StreamWriter log;

    private ServerProcess(Process process, string dataDirectory, StreamWriter log, Uri baseAddress)
    {
        this.process = process;
        this.dataDirectory = dataDirectory;
        this.log = log;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Where screenshots and the server log go: TestResults/browser/ (git-ignored).</summary>
    public static string ArtifactsDirectory { get; } = Directory.CreateDirectory(
        Path.Combine(RepositoryRoot, "TestResults", "browser")).FullName;

    public static async Task<ServerProcess> StartAsync()
    {
        var port = FreeLoopbackPort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var dataDirectory = Directory.CreateTempSubdirectory("geosituation-browser-").FullName;
        var serverDll = ServerAssemblyPath();
        var start = new ProcessStartInfo("dotnet")
        {
            // The server finds wwwroot in its working directory and the repository (seeds/) above it.
            WorkingDirectory = Path.Combine(RepositoryRoot, "src", "GeoSituation.Server"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(serverDll);
        start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["GEOSITUATION_DATA"] = dataDirectory;
        start.Environment["GEOSITUATION_API_KEY"] = ApiKey;
        start.Environment["GEOSITUATION_SEEDS"] = Path.Combine(RepositoryRoot, "seeds");
        start.Environment.Remove("GEOSITUATION_DB");

        var log = new StreamWriter(Path.Combine(ArtifactsDirectory, "server.log"), append: false, Encoding.UTF8) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the server process.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new ServerProcess(process, dataDirectory, log, baseAddress);
        try
        {
            // The server ingests seeds/ on its first start, before it starts listening.
            await server.WaitUntilHealthyAsync(TimeSpan.FromMinutes(3));
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The server exited with code {process.ExitCode}; see {ArtifactsDirectory}/server.log.");
            try
            {
                using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                using var response = await Http.GetAsync("/healthz", attempt.Token);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or busy starting the database (503 or slow): ask again.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The server did not answer /healthz within {timeout}; see {ArtifactsDirectory}/server.log.");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!process.HasExited)
        {
            // SIGTERM first: the server stops its embedded PostgreSQL cleanly on a normal shutdown.
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }
            using var graceful = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(graceful.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        process.Dispose();
        lock (log) log.Dispose();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A PostgreSQL child may still be letting go of its files; the temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // As root the cluster belongs to the postgres user; same as above.
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // The server's own build output, same configuration as this test assembly (test.sh builds Release).
    private static string ServerAssemblyPath()
    {
        // AppContext.BaseDirectory is .../bin/{Configuration}/net10.0/.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent?.Name ?? "Debug";
        var path = Path.Combine(RepositoryRoot, "src", "GeoSituation.Server", "bin", configuration, "net10.0", "GeoSituation.Server.dll");
        return File.Exists(path) ? path : Path.Combine(AppContext.BaseDirectory, "GeoSituation.Server.dll");
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GeoSituation.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("GeoSituation.sln not found above the test assembly.");
    }
}
