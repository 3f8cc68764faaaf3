using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using GeoSituation.Postgis.Database;
using Npgsql;

namespace GeoSituation.Postgis.Embedded;

/// <summary>
/// A private PostgreSQL + PostGIS cluster under a data folder: created on first start, started on a Unix socket
/// inside the folder (no TCP port to collide with), stopped cleanly on shutdown, and restarted after a crash.
/// </summary>
/// <remarks>
/// Layout of the data folder: <c>pg/</c> the cluster, <c>pg-run/</c> its socket, <c>pg-log/postgres.log</c> its log,
/// <c>launcher.pid</c> the process that is responsible for stopping it, <c>pg-password</c> the password of the cluster's
/// only role (mode 0600, owned by the server's user, read by the server and the CLI to build their connection string).
/// Other local users are kept out twice: the socket folder is 0700 (owned by the postgres user; root passes anyway),
/// and every connection must give the password (scram-sha-256, never trust: trust plus a reachable socket made any
/// local account a superuser that could run programs as postgres).
/// </remarks>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    private const string SuperUser = "geosituation";
    private const int SocketPort = 5432;
    // sockaddr_un.sun_path is 108 bytes on Linux, including the terminating NUL.
    private const int MaxSocketPathLength = 107;
    private const string PasswordFileName = "pg-password";

    private readonly EmbeddedPostgresOptions options;
    private readonly ILogger logger;
    private bool ownsServer;
    private bool stopped;
    private string? password;

    private EmbeddedPostgres(EmbeddedPostgresOptions options, ILogger logger)
    {
        this.options = options;
        this.logger = logger;
        DataFolder = Path.GetFullPath(options.DataFolder);
        // PostgreSQL's own files live where the postgres user can reach them (see ReachableHome).
        var home = ReachableHome(DataFolder);
        ClusterFolder = Path.Combine(home, "pg");
        SocketFolder = ChooseSocketFolder(home);
        LogFile = Path.Combine(home, "pg-log", "postgres.log");
    }

    public string DataFolder { get; }
    public string ClusterFolder { get; }
    public string SocketFolder { get; }
    public string LogFile { get; }

    /// <summary>The file that holds the cluster's password (made on first use).</summary>
    public static string PasswordFile(string dataFolder) => Path.Combine(Path.GetFullPath(dataFolder), PasswordFileName);

    private string Password => password ??= SecretFile.ReadOrCreate(PasswordFile(DataFolder));

    /// <summary>Connection string for the GeoSituation database (Unix socket, password from <see cref="PasswordFile"/>).</summary>
    public string ConnectionString => ConnectionStringFor(options.Database);

    /// <summary>The connection string <see cref="StartAsync"/> will produce, known before the cluster runs.</summary>
    public static string ConnectionStringFor(EmbeddedPostgresOptions options) =>
        new EmbeddedPostgres(options, NullLogger.Instance).ConnectionString;

    /// <summary>Creates the cluster if needed, starts it (or adopts one already running on the folder) and creates the database.</summary>
    public static async Task<EmbeddedPostgres> StartAsync(EmbeddedPostgresOptions options, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        var cluster = new EmbeddedPostgres(options, logger ?? NullLogger.Instance);
        await cluster.StartCoreAsync(cancellationToken);
        return cluster;
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(DataFolder);
        // Two processes (the server and an `ingest`) may start on the same folder at once: one sets it up.
        await using var startLock = await FolderLock.AcquireAsync(Path.Combine(DataFolder, "launcher.lock"), options.StartTimeout, cancellationToken);

        Directory.CreateDirectory(SocketFolder);
        Directory.CreateDirectory(Path.GetDirectoryName(LogFile)!);
        var home = Path.GetDirectoryName(ClusterFolder)!;
        if (home != DataFolder) logger.LogWarning("The postgres user cannot enter {DataFolder} (a parent folder is private); the cluster lives in {Home}", DataFolder, home);
        // The postgres user must be able to enter the folder, but not to write in it: it holds our key files.
        await PostgresCommand.KeepOwnedByUsAsync(home, cancellationToken);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(home, PostgresCommand.RunsAsOtherUser ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        await PostgresCommand.GiveToPostgresUserAsync(SocketFolder, recursive: true, cancellationToken);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(SocketFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        await PostgresCommand.GiveToPostgresUserAsync(Path.GetDirectoryName(LogFile)!, recursive: true, cancellationToken);
        _ = Password;

        if (!File.Exists(Path.Combine(ClusterFolder, "PG_VERSION"))) await InitializeClusterAsync(cancellationToken);
        RemoveStalePidFile();

        if (await IsRunningAsync(cancellationToken))
        {
            // A previous run was killed and left its cluster running, or another live process uses it.
            ownsServer = !LauncherPid.IsHeldByLiveProcess(DataFolder);
            logger.LogInformation("Embedded PostgreSQL already running in {Folder}; {Action}", ClusterFolder, ownsServer ? "adopting it" : "sharing it");
        }
        else
        {
            await StartServerAsync(cancellationToken);
            ownsServer = true;
        }
        if (ownsServer) LauncherPid.Write(DataFolder);
        await CloseTrustAuthenticationAsync(cancellationToken);
        await CreateDatabaseAsync(cancellationToken);
    }

    private async Task InitializeClusterAsync(CancellationToken cancellationToken)
    {
        // A half-made cluster (initdb interrupted) has no PG_VERSION; initdb needs an empty folder.
        if (Directory.Exists(ClusterFolder)) Directory.Delete(ClusterFolder, recursive: true);
        Directory.CreateDirectory(ClusterFolder);
        await PostgresCommand.GiveToPostgresUserAsync(ClusterFolder, recursive: true, cancellationToken);
        logger.LogInformation("Creating embedded PostgreSQL cluster in {Folder}", ClusterFolder);
        // initdb reads the password from a file it can open (it runs as postgres): a private copy, deleted right after.
        var passwordCopy = Path.Combine(Path.GetDirectoryName(LogFile)!, "initdb-password");
        var copyOptions = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) copyOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using (var writer = new StreamWriter(passwordCopy, System.Text.Encoding.UTF8, copyOptions)) await writer.WriteLineAsync(Password);
        CommandResult result;
        try
        {
            await PostgresCommand.GiveToPostgresUserAsync(passwordCopy, recursive: false, cancellationToken);
            result = await PostgresCommand.RunAsync(options.BinFolder, "initdb",
                ["-D", ClusterFolder, "-U", SuperUser, "--auth=scram-sha-256", "--pwfile=" + passwordCopy, "-E", "UTF8", "--locale=C", "--no-instructions"],
                TimeSpan.FromMinutes(2), cancellationToken);
        }
        finally
        {
            File.Delete(passwordCopy);
        }
        if (result.ExitCode != 0) throw new EmbeddedPostgresException($"initdb failed: {result.Output.Trim()}");

        // Appending keeps the file's owner (the postgres user) while we may be root.
        var settings = new List<string>
        {
            "",
            "# GeoSituation embedded cluster: Unix socket only (set at start), no TCP listener.",
            "listen_addresses = ''",
            "max_connections = 150",
            "shared_buffers = 128MB",
            "dynamic_shared_memory_type = posix",
        };
        if (!options.Durable) settings.AddRange(["fsync = off", "synchronous_commit = off", "full_page_writes = off"]);
        await File.AppendAllLinesAsync(Path.Combine(ClusterFolder, "postgresql.conf"), settings, cancellationToken);
    }

    /// <summary>
    /// Clusters made by earlier versions (initdb --auth=trust) are moved to passwords on start: the role gets the
    /// password of <see cref="PasswordFile"/> (trust still lets us in to set it), then pg_hba.conf's trust lines become
    /// scram-sha-256 and the server reloads it. Running it again after a crash half-way is harmless.
    /// </summary>
    private async Task CloseTrustAuthenticationAsync(CancellationToken cancellationToken)
    {
        var hbaFile = Path.Combine(ClusterFolder, "pg_hba.conf");
        var lines = await File.ReadAllLinesAsync(hbaFile, cancellationToken);
        static bool IsTrust(string line) => !line.TrimStart().StartsWith('#') && line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries) is [.., "trust"];
        if (!lines.Any(IsTrust)) return;
        logger.LogWarning("Embedded PostgreSQL in {Folder} accepted local connections without a password (trust); setting a password ({File}) and closing trust", ClusterFolder, PasswordFile(DataFolder));
        await using (var connection = new NpgsqlConnection(ConnectionStringFor("postgres")))
        {
            await connection.OpenAsync(cancellationToken);
            // ALTER ROLE takes no parameters; the password is base64url (SecretFile.Generate), checked so quoting cannot break.
            if (!Password.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) throw new EmbeddedPostgresException($"{PasswordFile(DataFolder)} must hold letters, digits, '-' and '_' only.");
            await using (var alter = SqlText.FromTemplate("SET password_encryption = 'scram-sha-256'; ALTER ROLE " + SqlText.QuoteIdentifier(SuperUser) + " PASSWORD '" + Password + "'").Command(connection))
            {
                await alter.ExecuteNonQueryAsync(cancellationToken);
            }
            // Rewriting in place keeps the file's owner (the postgres user) while we may be root.
            await File.WriteAllLinesAsync(hbaFile, lines.Select(line => IsTrust(line) ? line[..line.LastIndexOf("trust", StringComparison.Ordinal)] + "scram-sha-256" : line), cancellationToken);
            await using var reload = new NpgsqlCommand("SELECT pg_reload_conf()", connection);
            await reload.ExecuteScalarAsync(cancellationToken);
        }
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>
    /// After a kill -9, postmaster.pid names a process that no longer exists (or a recycled PID that is not
    /// PostgreSQL). PostgreSQL handles the first case but refuses to start in the second; we handle both.
    /// </summary>
    private void RemoveStalePidFile()
    {
        var pidFile = Path.Combine(ClusterFolder, "postmaster.pid");
        if (!File.Exists(pidFile)) return;
        var firstLine = File.ReadLines(pidFile).FirstOrDefault();
        if (int.TryParse(firstLine, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) && ProcessInfo.IsPostgres(pid)) return;
        logger.LogWarning("Removing stale postmaster.pid (process {Pid} is gone) left by a crash", firstLine);
        File.Delete(pidFile);
    }

    private async Task<bool> IsRunningAsync(CancellationToken cancellationToken)
    {
        var status = await PostgresCommand.RunAsync(options.BinFolder, "pg_ctl", ["status", "-D", ClusterFolder], TimeSpan.FromSeconds(30), cancellationToken);
        return status.ExitCode == 0;
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        if (SocketFolder.Contains('\'', StringComparison.Ordinal)) throw new EmbeddedPostgresException("The data folder path must not contain a single quote.");
        // The socket itself 0700 too, should its folder ever be opened.
        var serverOptions = $"-k '{SocketFolder}' -p {SocketPort.ToString(CultureInfo.InvariantCulture)} -c unix_socket_permissions=0700";
        var timeoutSeconds = ((int)options.StartTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        // Right after a kill -9 the old backends may still hold shared memory for a moment: retry a few times.
        for (var attempt = 1; ; attempt++)
        {
            logger.LogInformation("Starting embedded PostgreSQL ({Folder})", ClusterFolder);
            var result = await PostgresCommand.RunAsync(options.BinFolder, "pg_ctl",
                ["start", "-w", "-t", timeoutSeconds, "-D", ClusterFolder, "-l", LogFile, "-o", serverOptions],
                options.StartTimeout + TimeSpan.FromSeconds(10), cancellationToken);
            if (result.ExitCode == 0) return;
            if (attempt == 3)
            {
                throw new EmbeddedPostgresException($"PostgreSQL did not start: {result.Output.Trim()} (see {LogFile})");
            }
            logger.LogWarning("Embedded PostgreSQL did not start (attempt {Attempt}); retrying", attempt);
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            RemoveStalePidFile();
        }
    }

    private async Task CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        await using (var admin = new NpgsqlConnection(ConnectionStringFor("postgres")))
        {
            await admin.OpenAsync(cancellationToken);
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", admin) { Parameters = { new() { Value = options.Database } } };
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                // CREATE DATABASE takes no parameters: the name is quoted as an identifier.
                await using var command = SqlText.FromTemplate("CREATE DATABASE " + SqlText.QuoteIdentifier(options.Database)).Command(admin);
                try
                {
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
                {
                    // Another process created it between our check and our CREATE.
                }
            }
        }
        await using var database = new NpgsqlConnection(ConnectionString);
        await database.OpenAsync(cancellationToken);
        await using var extension = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS postgis", database);
        try
        {
            await extension.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Two processes raced on CREATE EXTENSION; the other one made it.
        }
    }

    private string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = SocketFolder,
        Port = SocketPort,
        Username = SuperUser,
        Password = Password,
        Database = database,
        MaxPoolSize = 100,
    }.ConnectionString;

    /// <summary>
    /// The data folder, unless we are root and a parent folder is closed to other users (a checkout under /root):
    /// the postgres user could not enter it, so the cluster goes to /var/tmp/geosituation-&lt;hash of the folder&gt;.
    /// </summary>
    private static string ReachableHome(string dataFolder)
    {
        if (!PostgresCommand.RunsAsOtherUser || OperatingSystem.IsWindows()) return dataFolder;
        for (var dir = Directory.GetParent(dataFolder); dir is not null; dir = dir.Parent)
        {
            if (dir.Exists && (File.GetUnixFileMode(dir.FullName) & UnixFileMode.OtherExecute) == 0)
            {
                return Path.Combine("/var/tmp", "geosituation-" + FolderHash(dataFolder));
            }
        }
        return dataFolder;
    }

    private static string FolderHash(string folder) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(folder)))[..12];

    private static string ChooseSocketFolder(string dataFolder)
    {
        var inside = Path.Combine(dataFolder, "pg-run");
        if ((inside + "/.s.PGSQL.5432.lock").Length <= MaxSocketPathLength) return inside;
        // Deep data folders exceed the Unix socket path limit; use a short folder named after the data folder.
        return Path.Combine(Path.GetTempPath(), "geosituation-pg-" + FolderHash(dataFolder));
    }

    /// <summary>True while the postmaster named in postmaster.pid is alive (read from /proc: no process spawned).</summary>
    public bool IsRunning
    {
        get
        {
            var pidFile = Path.Combine(ClusterFolder, "postmaster.pid");
            try
            {
                var firstLine = File.Exists(pidFile) ? File.ReadLines(pidFile).FirstOrDefault() : null;
                return int.TryParse(firstLine, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) && ProcessInfo.IsPostgres(pid);
            }
            catch (IOException)
            {
                return false;
            }
        }
    }

    /// <summary>
    /// Starts the cluster again if it died (kill -9, OOM killer) while this process uses it; returns true when it
    /// had to. Committed data survives: PostgreSQL replays its WAL on start.
    /// </summary>
    public async Task<bool> RestartIfStoppedAsync(CancellationToken cancellationToken = default)
    {
        if (stopped || IsRunning) return false;
        await using var startLock = await FolderLock.AcquireAsync(Path.Combine(DataFolder, "launcher.lock"), options.StartTimeout, cancellationToken);
        // Another process on the same folder may have restarted it while we waited for the lock.
        if (IsRunning) return false;
        logger.LogWarning("Embedded PostgreSQL is not running (crashed or killed); restarting it");
        RemoveStalePidFile();
        await StartServerAsync(cancellationToken);
        ownsServer = true;
        LauncherPid.Write(DataFolder);
        return true;
    }

    /// <summary>Stops the cluster (fast shutdown: open transactions roll back, committed data stays) if this process started or adopted it.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (stopped || !ownsServer) return;
        stopped = true;
        NpgsqlConnection.ClearAllPools();
        logger.LogInformation("Stopping embedded PostgreSQL");
        var result = await PostgresCommand.RunAsync(options.BinFolder, "pg_ctl", ["stop", "-D", ClusterFolder, "-m", "fast", "-w", "-t", "30"], TimeSpan.FromSeconds(40), cancellationToken);
        if (result.ExitCode != 0) logger.LogWarning("pg_ctl stop: {Output}", result.Output.Trim());
        LauncherPid.Remove(DataFolder);
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
