using System.Text.Json;
using GeoSituation.Cli.Tests.Infrastructure;

namespace GeoSituation.Cli.Tests;

/// <summary>analyze, db migrate and gazetteer build, run as users run them.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class VerbTests(DatabaseFixture database)
{
    [Fact]
    public async Task Analyze_reads_jsonl_and_writes_one_line_per_document()
    {
        var seed = Directory.GetFiles(Path.Combine(CliProcess.RepositoryRoot, "seeds"), "*.txt").Order(StringComparer.Ordinal).First();
        var input = JsonSerializer.Serialize(new { id = "seed", text = await File.ReadAllTextAsync(seed) }) + "\n" +
                    JsonSerializer.Serialize(new { id = "short", text = "Crowds gathered in Cairo." }) + "\n";
        var result = await CliProcess.RunAsync(["analyze"], stdin: input);
        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var seedLine = JsonDocument.Parse(lines[0]);
        Assert.Equal("seed", seedLine.RootElement.GetProperty("id").GetString());
        Assert.True(seedLine.RootElement.GetProperty("toponyms").GetArrayLength() > 0);
        using var shortLine = JsonDocument.Parse(lines[1]);
        Assert.Contains(shortLine.RootElement.GetProperty("toponyms").EnumerateArray(), t => t.GetProperty("name").GetString() == "Cairo");
    }

    [Fact]
    public async Task Db_migrate_finds_nothing_left_to_apply()
    {
        var result = await CliProcess.RunAsync(["db", "migrate", "--db", database.ConnectionString]);
        Assert.True(result.ExitCode == 0, result.ToString());
        var applied = await database.CountAsync("SELECT count(*) FROM schema_migrations");
        Assert.True(applied > 0);
        Assert.Equal(applied, result.Stdout.Split('\n').Count(l => l.Contains("applied", StringComparison.Ordinal) && l.Contains(".sql", StringComparison.Ordinal)));
        var machine = await CliProcess.RunAsync(["db", "migrate", "--db", database.ConnectionString, "--json"]);
        Assert.True(machine.ExitCode == 0, machine.ToString());
        using var report = JsonDocument.Parse(machine.Stdout);
        Assert.Equal(applied, report.RootElement.GetProperty("applied").GetArrayLength());
        Assert.Equal(0, report.RootElement.GetProperty("applied_now").GetInt32());
        Assert.DoesNotContain("Password", report.RootElement.GetProperty("database").GetString()!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Gazetteer_build_writes_a_fresh_cache_and_reports_it_as_json()
    {
        var cache = Directory.CreateTempSubdirectory("geosituation-gazcache-").FullName;
        try
        {
            var result = await CliProcess.RunAsync(["gazetteer", "build", "--cache", cache, "--json"]);
            Assert.True(result.ExitCode == 0, result.ToString());
            using var report = JsonDocument.Parse(result.Stdout);
            var file = report.RootElement.GetProperty("cache").GetString()!;
            Assert.Equal(Path.Combine(cache, "gazetteer.bin"), file);
            Assert.True(new FileInfo(file).Length > 1_000_000);
            Assert.True(report.RootElement.GetProperty("entries").GetInt32() > 100_000);
            Assert.False(report.RootElement.GetProperty("from_sources").GetBoolean());

            // Rebuilding replaces the cache, it does not append to or reuse it.
            var stamp = File.GetLastWriteTimeUtc(file);
            await Task.Delay(1100);
            var again = await CliProcess.RunAsync(["gazetteer", "build", "--cache", cache]);
            Assert.True(again.ExitCode == 0, again.ToString());
            Assert.True(File.GetLastWriteTimeUtc(file) > stamp);
            Assert.Contains("entries", again.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }
}
