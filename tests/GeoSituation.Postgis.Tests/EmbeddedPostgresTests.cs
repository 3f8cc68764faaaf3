using System.Globalization;
using GeoSituation.Postgis.Embedded;
using Npgsql;

namespace GeoSituation.Postgis.Tests;

/// <summary>The launcher's lifecycle on a cluster of its own: restart on the same folder, recovery after kill -9.</summary>
public sealed class EmbeddedPostgresTests
{
    [Fact]
    public async Task Cluster_survives_kill_9_and_a_stale_pid_file_and_keeps_committed_data()
    {
        var folder = Directory.CreateTempSubdirectory("geosituation-crash-").FullName;
        try
        {
            var options = new EmbeddedPostgresOptions { DataFolder = folder, Durable = true };
            var cluster = await EmbeddedPostgres.StartAsync(options);
            await using (var source = NpgsqlDataSource.Create(cluster.ConnectionString))
            await using (var create = source.CreateCommand("CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)"))
            {
                await create.ExecuteNonQueryAsync();
            }

            // kill -9 the postmaster: postmaster.pid stays behind, as after a power cut.
            var pidFile = Path.Combine(cluster.ClusterFolder, "postmaster.pid");
            var pid = int.Parse(File.ReadLines(pidFile).First(), CultureInfo.InvariantCulture);
            using (var kill = System.Diagnostics.Process.Start("kill", ["-9", pid.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
            NpgsqlConnection.ClearAllPools();
            for (var i = 0; i < 50 && Directory.Exists($"/proc/{pid}"); i++) await Task.Delay(100);
            Assert.True(File.Exists(pidFile));

            var restarted = await EmbeddedPostgres.StartAsync(options);
            Assert.Equal(42, await KeptValueAsync(restarted.ConnectionString));
            await restarted.StopAsync();
            Assert.False(File.Exists(pidFile));

            // A clean stop then a start on the same folder reuses the cluster.
            var again = await EmbeddedPostgres.StartAsync(options);
            Assert.Equal(42, await KeptValueAsync(again.ConnectionString));
            await again.StopAsync();
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    [Fact]
    public async Task A_running_launcher_restarts_its_cluster_after_kill_9()
    {
        var folder = Directory.CreateTempSubdirectory("geosituation-watchdog-").FullName;
        try
        {
            var cluster = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataFolder = folder, Durable = false });
            Assert.True(cluster.IsRunning);
            Assert.False(await cluster.RestartIfStoppedAsync());

            var pid = int.Parse(File.ReadLines(Path.Combine(cluster.ClusterFolder, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
            using (var kill = System.Diagnostics.Process.Start("kill", ["-9", pid.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
            for (var i = 0; i < 50 && Directory.Exists($"/proc/{pid}"); i++) await Task.Delay(100);
            NpgsqlConnection.ClearAllPools();
            Assert.False(cluster.IsRunning);

            Assert.True(await cluster.RestartIfStoppedAsync());
            Assert.True(cluster.IsRunning);
            Assert.Equal(1, await KeptValueAsync(cluster.ConnectionString, probeOnly: true));
            await cluster.StopAsync();
            Assert.False(cluster.IsRunning);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    [Fact]
    public async Task A_data_folder_under_a_private_parent_works()
    {
        // A checkout under /root: as root, the postgres user cannot enter it, so the cluster must live elsewhere.
        if (!OperatingSystem.IsLinux()) return;
        var parent = Directory.CreateTempSubdirectory("geosituation-private-").FullName;
        File.SetUnixFileMode(parent, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var folder = Path.Combine(parent, "data");
        try
        {
            var cluster = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataFolder = folder, Durable = false });
            Assert.Equal(1, await KeptValueAsync(cluster.ConnectionString, probeOnly: true));
            if (Environment.IsPrivilegedProcess) Assert.StartsWith("/var/tmp/geosituation-", cluster.ClusterFolder);
            await cluster.StopAsync();
            if (Environment.IsPrivilegedProcess) Directory.Delete(Path.GetDirectoryName(cluster.ClusterFolder)!, recursive: true);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            try { Directory.Delete(parent, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    [Fact]
    public async Task A_pid_file_naming_a_live_process_that_is_not_postgres_is_cleared()
    {
        var folder = Directory.CreateTempSubdirectory("geosituation-pidreuse-").FullName;
        try
        {
            var options = new EmbeddedPostgresOptions { DataFolder = folder, Durable = false };
            var cluster = await EmbeddedPostgres.StartAsync(options);
            await cluster.StopAsync();
            // Pretend a crash left a pid file whose PID now belongs to this test process (not PostgreSQL).
            var pidFile = Path.Combine(cluster.ClusterFolder, "postmaster.pid");
            await File.WriteAllTextAsync(pidFile, $"{Environment.ProcessId}\n{cluster.ClusterFolder}\n");
            var restarted = await EmbeddedPostgres.StartAsync(options);
            Assert.Equal(1, await KeptValueAsync(restarted.ConnectionString, probeOnly: true));
            await restarted.StopAsync();
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static async Task<int> KeptValueAsync(string connectionString, bool probeOnly = false)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = probeOnly ? source.CreateCommand("SELECT 1") : source.CreateCommand("SELECT v FROM kept");
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
