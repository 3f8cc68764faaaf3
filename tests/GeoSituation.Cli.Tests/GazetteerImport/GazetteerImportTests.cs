using System.Text.Json;
using GeoSituation.Cli.Tests.Infrastructure;

namespace GeoSituation.Cli.Tests.GazetteerImport;

/// <summary>`geosituation gazetteer import | list | remove` as a planner runs them, then `analyze` on the same data folder.</summary>
public sealed class GazetteerImportTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("geosituation-import-").FullName;

    private string Data => Path.Combine(root, "data");
    private string UserFolder => Path.Combine(Data, "gazetteer");

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(root, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Imported_boundaries_and_sites_are_what_analyze_resolves_to()
    {
        var boundaries = WriteFile("sdn_admbnda_adm2_test.geojson", CodAbFixtures.Admin2GeoJson);
        var sites = WriteFile("cccm_sites.csv", CodAbFixtures.SitesCsv);

        var areas = await CliProcess.RunAsync(["gazetteer", "import", boundaries, "--name", "sudan-adm2", "--data", Data, "--json"]);
        Assert.True(areas.ExitCode == 0, areas.ToString());
        var areasJson = JsonDocument.Parse(areas.Stdout).RootElement;
        Assert.Equal("admin2", areasJson.GetProperty("kind").GetString());
        Assert.Equal(2, areasJson.GetProperty("areas").GetInt32());
        Assert.Equal(2, areasJson.GetProperty("new_entries").GetInt32());
        Assert.Contains("ADM2_PCODE", areasJson.GetProperty("detected").GetString(), StringComparison.Ordinal);

        var camps = await CliProcess.RunAsync(["gazetteer", "import", sites, "--data", Data, "--json"]);
        Assert.True(camps.ExitCode == 0, camps.ToString());
        Assert.Equal(2, JsonDocument.Parse(camps.Stdout).RootElement.GetProperty("sites").GetInt32());
        Assert.True(File.Exists(Path.Combine(UserFolder, "cccm_sites.sites.tsv")));
        Assert.True(File.Exists(Path.Combine(UserFolder, "sudan-adm2.areas.geojson")));
        Assert.True(File.Exists(Path.Combine(UserFolder, "cache", "gazetteer.bin")));
        Assert.Empty(Directory.GetDirectories(UserFolder, ".staging-*"));

        var list = await CliProcess.RunAsync(["gazetteer", "list", "--data", Data, "--json"]);
        var imports = JsonDocument.Parse(list.Stdout).RootElement.GetProperty("imports").EnumerateArray().ToList();
        Assert.Equal(["cccm_sites", "sudan-adm2"], imports.Select(i => i.GetProperty("name").GetString()));
        Assert.Equal(2, imports[0].GetProperty("sites").GetInt32());
        Assert.Equal(2, imports[1].GetProperty("areas").GetInt32());

        var text = "Families fled Kuma Garadait for Dar es Salam Garadayat camp, where 12,000 people now shelter.";
        var analysis = await CliProcess.RunAsync(["analyze", "--data", Data], stdin: JsonSerializer.Serialize(new { id = "1", text }) + "\n");
        Assert.True(analysis.ExitCode == 0, analysis.ToString());
        var toponyms = JsonDocument.Parse(analysis.Stdout).RootElement.GetProperty("toponyms").EnumerateArray().ToList();
        var camp = Assert.Single(toponyms, t => t.GetProperty("surface").GetString() == "Dar es Salam Garadayat camp");
        Assert.Equal("City", camp.GetProperty("kind").GetString());
        Assert.True(camp.GetProperty("placeId").GetInt64() < 0);
        Assert.Equal(13.41, camp.GetProperty("lat").GetDouble(), 4);
        var area = Assert.Single(toponyms, t => t.GetProperty("surface").GetString() == "Kuma Garadait");
        Assert.Equal("Kuma Garadayat", area.GetProperty("name").GetString());
        Assert.Equal("AdminArea", area.GetProperty("kind").GetString());

        // Without the data folder the same text knows neither: the import is the data folder's, not the repository's.
        var plain = await CliProcess.RunAsync(["analyze", "--data", Path.Combine(root, "other")], stdin: JsonSerializer.Serialize(new { id = "1", text }) + "\n");
        Assert.DoesNotContain("Kuma Garadayat", plain.Stdout, StringComparison.Ordinal);

        var removed = await CliProcess.RunAsync(["gazetteer", "remove", "cccm_sites", "--data", Data]);
        Assert.True(removed.ExitCode == 0, removed.ToString());
        Assert.False(File.Exists(Path.Combine(UserFolder, "cccm_sites.sites.tsv")));
        Assert.Equal(1, (await CliProcess.RunAsync(["gazetteer", "remove", "cccm_sites", "--data", Data])).ExitCode);
    }

    [Fact]
    public async Task A_feature_without_a_pcode_exits_1_naming_it_and_nothing_is_written()
    {
        var bad = WriteFile("bad.geojson", CodAbFixtures.Admin2GeoJson.Replace("\"ADM2_PCODE\":\"SD13898\",", "", StringComparison.Ordinal));
        var result = await CliProcess.RunAsync(["gazetteer", "import", bad, "--data", Data]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("feature 2", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("ADM2_PCODE", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(UserFolder) && Directory.EnumerateFileSystemEntries(UserFolder).Any(), "nothing may be written");
    }

    [Fact]
    public async Task A_bad_csv_row_exits_1_naming_the_line_and_an_earlier_import_stays()
    {
        var good = WriteFile("good.csv", CodAbFixtures.SitesCsv);
        Assert.Equal(0, (await CliProcess.RunAsync(["gazetteer", "import", good, "--name", "camps", "--data", Data])).ExitCode);
        var before = File.ReadAllText(Path.Combine(UserFolder, "camps.sites.tsv"));

        var bad = WriteFile("bad.csv", CodAbFixtures.SitesCsv.Replace("13.52", "north", StringComparison.Ordinal));
        var result = await CliProcess.RunAsync(["gazetteer", "import", bad, "--name", "camps", "--data", Data]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("bad.csv:4", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("latitude 'north'", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(Path.Combine(UserFolder, "camps.sites.tsv")));
    }

    [Fact]
    public async Task A_country_the_gazetteer_does_not_know_is_refused_by_the_validating_load()
    {
        var unknown = WriteFile("xx.geojson", CodAbFixtures.Admin2GeoJson.Replace("\"SD\"", "\"XQ\"", StringComparison.Ordinal));
        var result = await CliProcess.RunAsync(["gazetteer", "import", unknown, "--data", Data]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("country 'XQ' is not in the gazetteer", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(UserFolder));
        Assert.Empty(Directory.GetDirectories(UserFolder, ".staging-*"));
    }

    [Fact]
    public async Task The_environment_variable_moves_the_user_folder()
    {
        var elsewhere = Path.Combine(root, "shared-gazetteer");
        var sites = WriteFile("camps.csv", CodAbFixtures.SitesCsv);
        var result = await CliProcess.RunAsync(["gazetteer", "import", sites, "--data", Data], environment: new Dictionary<string, string> { ["GEOSITUATION_GAZETTEER"] = elsewhere });
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(Path.Combine(elsewhere, "camps.sites.tsv")));
        Assert.False(Directory.Exists(UserFolder));
    }
}
