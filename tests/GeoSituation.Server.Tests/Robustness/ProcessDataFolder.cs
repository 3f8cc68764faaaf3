namespace GeoSituation.Server.Tests.Robustness;

/// <summary>
/// One data folder for the tests that run the server as a process (crash, shutdown, hardened configuration):
/// the cluster is created once and reused; at the end it is stopped (if a test left it running) and removed.
/// </summary>
public sealed class ProcessDataFolder : IAsyncLifetime
{
    public string Path { get; } = Directory.CreateTempSubdirectory("geosituation-robust-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        var cluster = new EmbeddedCluster(Path);
        if (cluster.PostmasterPid() is not null) await cluster.StopAsync();
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
