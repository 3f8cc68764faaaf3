using System.Diagnostics;
using GeoSituation.Postgis.Embedded;
using Npgsql;

namespace GeoSituation.Postgis.Tests;

/// <summary>
/// Issue 13, point 1: another local account must not get into the embedded cluster (with trust and a world-open
/// socket, `psql -h &lt;data&gt;/pg-run -U geosituation` as nobody was a superuser that could run programs as postgres).
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class EmbeddedClusterAccessTests
{
    [Fact]
    public async Task Another_os_user_is_refused_and_so_is_a_connection_without_the_password()
    {
        var folder = Directory.CreateTempSubdirectory("geosituation-access-").FullName;
        // The attack's setting: a data folder that everyone may enter.
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        try
        {
            var cluster = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataFolder = folder, Durable = false });
            try
            {
                await AssertRefusedAsync(cluster);
                // The password file is ours and private.
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(EmbeddedPostgres.PasswordFile(folder)));
                // The postgres user may enter the data folder, not write in it (it could replace the key files).
                if (Environment.IsPrivilegedProcess) Assert.Equal("root", await OwnerAsync(folder));
            }
            finally
            {
                await cluster.StopAsync();
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    [Fact]
    public async Task A_cluster_made_with_trust_by_an_earlier_version_is_moved_to_a_password_on_start()
    {
        var folder = Directory.CreateTempSubdirectory("geosituation-trust-").FullName;
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        try
        {
            var options = new EmbeddedPostgresOptions { DataFolder = folder, Durable = false };
            var cluster = await EmbeddedPostgres.StartAsync(options);
            await cluster.StopAsync();
            // What earlier versions left: trust in pg_hba.conf, no password file.
            var hba = Path.Combine(cluster.ClusterFolder, "pg_hba.conf");
            var lines = await File.ReadAllLinesAsync(hba);
            await File.WriteAllLinesAsync(hba, lines.Select(l => l.Replace("scram-sha-256", "trust", StringComparison.Ordinal)));
            File.Delete(EmbeddedPostgres.PasswordFile(folder));

            var restarted = await EmbeddedPostgres.StartAsync(options);
            try
            {
                Assert.DoesNotContain(File.ReadAllLines(hba), l => !l.TrimStart().StartsWith('#') && l.TrimEnd().EndsWith("trust", StringComparison.Ordinal));
                await using (var source = NpgsqlDataSource.Create(restarted.ConnectionString))
                await using (var probe = source.CreateCommand("SELECT 1"))
                {
                    Assert.Equal(1, await probe.ExecuteScalarAsync());
                }
                await AssertRefusedAsync(restarted);
            }
            finally
            {
                await restarted.StopAsync();
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static async Task AssertRefusedAsync(EmbeddedPostgres cluster)
    {
        // Without the password, even as the server's own user: refused.
        var withoutPassword = new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Password = null, Pooling = false, Timeout = 5 }.ConnectionString;
        await using (var connection = new NpgsqlConnection(withoutPassword))
        {
            var refused = await Assert.ThrowsAnyAsync<NpgsqlException>(() => connection.OpenAsync());
            Assert.Matches("password", refused.Message);
        }
    }

    [RootFact]
    public async Task Psql_as_another_os_user_is_refused()
    {
        var folder = Directory.CreateTempSubdirectory("geosituation-nobody-").FullName;
        // The attack's setting: every folder on the way open to everyone, so only the cluster's own guards remain.
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        try
        {
            var cluster = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataFolder = folder, Durable = false });
            try
            {
                var (exitCode, output) = await RunAsync("runuser", "-u", "nobody", "--", "psql", "-w", "-h", cluster.SocketFolder, "-U", "geosituation", "-d", "geosituation", "-c", "SELECT 1");
                Assert.NotEqual(0, exitCode);
                Assert.Matches("Permission denied|password", output);
                Assert.DoesNotContain("(1 row)", output, StringComparison.Ordinal);
            }
            finally
            {
                await cluster.StopAsync();
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static async Task<string> OwnerAsync(string path) => (await RunAsync("stat", "-c", "%U", path)).Output.Trim();

    private static async Task<(int ExitCode, string Output)> RunAsync(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["LC_ALL"] = "C";
        start.Environment.Remove("PGPASSWORD");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}

/// <summary>A test that needs root (to act as another OS user with runuser); skipped, with the reason, otherwise.</summary>
internal sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!Environment.IsPrivilegedProcess) Skip = "needs root to run psql as another OS user (runuser -u nobody); run the tests as root to check it";
    }
}
