using System.Text.Json;
using GeoSituation.Cli.Tests.Infrastructure;

namespace GeoSituation.Cli.Tests;

/// <summary>`geosituation ingest` of a file of many articles: stored in batches, counted once each, as `analyze` finds them.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class IngestBulkTests(DatabaseFixture database) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("geosituation-bulk-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task A_file_of_many_articles_with_a_repeat_and_a_bad_line_reports_each_article_once()
    {
        var marker = "K" + Guid.NewGuid().ToString("N")[..10];
        var lines = Enumerable.Range(0, 120).Select(i => JsonSerializer.Serialize(new
        {
            id = $"{marker}-{i}",
            title = $"Bulk {marker} {i}",
            text = $"About {2000 + i} people fled Khan Yunis to Rafah on Monday, aid agencies said. An airstrike in Gaza City killed {i % 7 + 2} people. Talks were held in Cairo. Ref {marker}-{i}.",
            published = "2024-02-13T09:00:00Z",
        })).ToList();
        lines.Insert(60, lines[10]);
        var file = Path.Combine(folder, "many.jsonl");
        await File.WriteAllLinesAsync(file, lines);
        // A second file whose last line is not JSON: its good lines are stored, the bad one fails the run (exit 2).
        var broken = Path.Combine(folder, "broken.jsonl");
        var another = lines[0].Replace(marker + "-0", marker + "-x", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(broken, [another, "{not json"]);

        var result = await CliProcess.RunAsync(["ingest", file, broken, "--db", database.ConnectionString, "--json"]);
        Assert.True(result.ExitCode == 2, result.ToString());
        using (var summary = JsonDocument.Parse(result.Stdout))
        {
            Assert.Equal(121, summary.RootElement.GetProperty("created").GetInt32());
            Assert.Equal(1, summary.RootElement.GetProperty("duplicates").GetInt32());
            Assert.Equal(1, summary.RootElement.GetProperty("failed").GetInt32());
        }
        Assert.Contains("new, 1 already stored, 1 failed in", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(121, await database.CountAsync("SELECT count(*) FROM articles WHERE title LIKE 'Bulk ' || $1 || '%'", marker));

        // Everything `analyze` finds in the articles is stored with them, no more and no less.
        var analysis = await CliProcess.RunAsync(["analyze"], stdin: string.Join('\n', lines.Where((_, i) => i != 60).Append(another)) + "\n");
        Assert.True(analysis.ExitCode == 0, analysis.ToString());
        var found = analysis.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(found.Sum(f => f.GetProperty("toponyms").GetArrayLength()),
            await database.CountAsync("SELECT count(*) FROM mentions m JOIN articles a ON a.id = m.article_id WHERE a.title LIKE 'Bulk ' || $1 || ' %'", marker));
        Assert.Equal(found.Sum(f => f.GetProperty("displacement").GetArrayLength()),
            await database.CountAsync("SELECT count(*) FROM displacement d JOIN articles a ON a.id = d.article_id WHERE a.title LIKE 'Bulk ' || $1 || ' %'", marker));
        Assert.Equal(found.Sum(f => f.GetProperty("events").GetArrayLength()),
            await database.CountAsync("SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id WHERE a.title LIKE 'Bulk ' || $1 || ' %'", marker));

        // Again: all already stored.
        var again = await CliProcess.RunAsync(["ingest", file, "--db", database.ConnectionString, "--json"]);
        Assert.True(again.ExitCode == 0, again.ToString());
        using var second = JsonDocument.Parse(again.Stdout);
        Assert.Equal(0, second.RootElement.GetProperty("created").GetInt32());
        Assert.Equal(121, second.RootElement.GetProperty("duplicates").GetInt32());
    }
}
