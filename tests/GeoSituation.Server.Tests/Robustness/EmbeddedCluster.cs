using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace GeoSituation.Server.Tests.Robustness;

/// <summary>
/// The embedded PostgreSQL cluster under a server's data folder, driven from outside the server as an operator
/// (or a crash) would: pg_ctl stop/start, kill -9 of the postmaster. As root, pg_ctl runs as the postgres user.
/// </summary>
internal sealed class EmbeddedCluster(string dataFolder)
{
    private const string Bin = "/usr/lib/postgresql/15/bin";

    public string ClusterFolder => Path.Combine(dataFolder, "pg");
    private string SocketFolder => Path.Combine(dataFolder, "pg-run");
    private string LogFile => Path.Combine(dataFolder, "pg-log", "postgres.log");

    public string ConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = SocketFolder, Port = 5432, Username = "geosituation", Password = File.ReadAllText(Path.Combine(dataFolder, "pg-password")).Trim(), Database = "geosituation", Pooling = false, Timeout = 3,
    }.ConnectionString;

    public Task<(int ExitCode, string Output)> StopAsync() => PgCtlAsync("stop", "-D", ClusterFolder, "-m", "fast", "-w", "-t", "60");

    public Task<(int ExitCode, string Output)> StartAsync() =>
        PgCtlAsync("start", "-w", "-t", "60", "-D", ClusterFolder, "-l", LogFile, "-o", $"-k '{SocketFolder}' -p 5432");

    public Task<(int ExitCode, string Output)> StatusAsync() => PgCtlAsync("status", "-D", ClusterFolder);

    /// <summary>The postmaster's pid from postmaster.pid, or null when it is not running.</summary>
    public int? PostmasterPid()
    {
        var file = Path.Combine(ClusterFolder, "postmaster.pid");
        if (!File.Exists(file)) return null;
        return int.TryParse(File.ReadLines(file).FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid)
            && Directory.Exists($"/proc/{pid}") ? pid : null;
    }

    /// <summary>kill -9 of the postmaster: its backends exit on their own, postmaster.pid stays behind like after a power cut.</summary>
    public async Task KillPostmasterAsync()
    {
        if (PostmasterPid() is not { } pid) return;
        await RunAsync("kill", "-KILL", pid.ToString(CultureInfo.InvariantCulture));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Directory.Exists($"/proc/{pid}") && DateTime.UtcNow < deadline) await Task.Delay(50);
    }

    /// <summary>True when a fresh (unpooled) connection runs SELECT 1.</summary>
    public async Task<bool> AcceptsConnectionsAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync();
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return false;
        }
    }

    private static Task<(int, string)> PgCtlAsync(params string[] arguments) =>
        Environment.IsPrivilegedProcess
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(Bin, "pg_ctl"), .. arguments])
            : RunAsync(Path.Combine(Bin, "pg_ctl"), arguments);

    public static async Task<(int, string)> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
