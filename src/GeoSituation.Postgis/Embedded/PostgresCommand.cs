using System.Diagnostics;
using System.Text;

namespace GeoSituation.Postgis.Embedded;

/// <summary>Runs PostgreSQL's command-line tools, as the `postgres` system user when we are root.</summary>
/// <remarks>PostgreSQL refuses to run as root, so a root process hands the cluster to the `postgres` user.</remarks>
internal static class PostgresCommand
{
    public const string SystemUser = "postgres";

    public static bool RunsAsOtherUser => Environment.IsPrivilegedProcess;

    public static async Task<CommandResult> RunAsync(string binFolder, string tool, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var executable = Path.Combine(binFolder, tool);
        if (!File.Exists(executable))
        {
            throw new EmbeddedPostgresException(
                $"PostgreSQL tool {executable} not found. Install the Debian packages postgresql-15 and postgresql-15-postgis-3, or set GEOSITUATION_DB to an existing PostGIS database.");
        }
        var arguments2 = new List<string>();
        string fileName;
        if (RunsAsOtherUser)
        {
            fileName = "runuser";
            arguments2.AddRange(["-u", SystemUser, "--", executable]);
        }
        else
        {
            fileName = executable;
        }
        arguments2.AddRange(arguments);
        return await RunProcessAsync(fileName, arguments2, timeout, cancellationToken);
    }

    public static async Task<CommandResult> RunProcessAsync(string fileName, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            // The postgres user cannot read root's home; a neutral directory avoids "could not change directory" noise.
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // Messages in English and a locale every Debian has, whatever the caller's environment says.
        start.Environment["LC_ALL"] = "C";
        start.Environment["LANG"] = "C";
        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new EmbeddedPostgresException($"{Path.GetFileName(fileName)} did not finish within {timeout.TotalSeconds:0} s.");
        }
        lock (output) return new CommandResult(process.ExitCode, output.ToString());
    }

    /// <summary>
    /// Takes a folder back from the postgres user (earlier versions gave it the data folder, which let that account
    /// replace the key files in it); a no-op unless we are root.
    /// </summary>
    public static async Task KeepOwnedByUsAsync(string folder, CancellationToken cancellationToken)
    {
        if (!RunsAsOtherUser) return;
        var result = await RunProcessAsync("chown", ["0:0", folder], TimeSpan.FromSeconds(60), cancellationToken);
        if (result.ExitCode != 0) throw new EmbeddedPostgresException($"Could not take {folder} back from the {SystemUser} user: {result.Output.Trim()}");
    }

    /// <summary>Gives a folder to the postgres user, so the cluster can own its files.</summary>
    public static async Task GiveToPostgresUserAsync(string folder, bool recursive, CancellationToken cancellationToken)
    {
        if (!RunsAsOtherUser) return;
        string[] arguments = recursive ? ["-R", $"{SystemUser}:", folder] : [$"{SystemUser}:", folder];
        var result = await RunProcessAsync("chown", arguments, TimeSpan.FromSeconds(60), cancellationToken);
        if (result.ExitCode != 0) throw new EmbeddedPostgresException($"Could not give {folder} to the {SystemUser} user: {result.Output.Trim()}");
    }
}

internal readonly record struct CommandResult(int ExitCode, string Output);
