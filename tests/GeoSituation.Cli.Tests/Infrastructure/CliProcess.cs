using System.Diagnostics;

namespace GeoSituation.Cli.Tests.Infrastructure;

/// <summary>What a finished `geosituation` process left: its exit code and both output streams.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>Runs the real `geosituation` command (the built geosituation.dll beside the tests) as its own process.</summary>
public static class CliProcess
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "geosituation.dll");

    public static ProcessStartInfo StartInfo(IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // Nothing from the developer's shell may point the verbs at another database.
        start.Environment.Remove("GEOSITUATION_DB");
        start.Environment.Remove("GEOSITUATION_DATA");
        start.Environment.Remove("GEOSITUATION_GAZETTEER");
        start.Environment["NO_COLOR"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        return start;
    }

    public static async Task<CliResult> RunAsync(IEnumerable<string> args, string? stdin = null, IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        using var process = Process.Start(StartInfo(args, environment)) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null) await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"geosituation {string.Join(' ', args)} did not finish in time:\n{await stderr}");
        }
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GeoSituation.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("GeoSituation.sln not found above the test binaries.");
    }
}
