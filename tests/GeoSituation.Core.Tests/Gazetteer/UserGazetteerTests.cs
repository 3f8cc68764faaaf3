using GeoSituation.Core.Gazetteer;

namespace GeoSituation.Core.Tests.Gazetteer;

public sealed class UserGazetteerTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("geosituation-user-gazetteer-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Imports_are_the_names_of_file_pairs_in_order()
    {
        File.WriteAllText(Path.Combine(folder, "sudan.sites.tsv"), SitesFile.Header + "\n");
        File.WriteAllText(Path.Combine(folder, "sudan.areas.geojson"), """{"type":"FeatureCollection","features":[]}""");
        File.WriteAllText(Path.Combine(folder, "gaza.areas.geojson"), """{"type":"FeatureCollection","features":[]}""");
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not an import");
        Assert.Equal(["gaza", "sudan"], UserGazetteer.Imports(folder));
        Assert.Empty(UserGazetteer.Imports(Path.Combine(folder, "missing")));
    }

    [Fact]
    public void Without_imports_the_cache_stays_in_geodata_and_the_stamp_is_the_plain_one()
    {
        var geodata = Core.Gazetteer.Gazetteer.LocateGeodata();
        Assert.Equal(Path.Combine(geodata, "cache"), UserGazetteer.CacheFolder(geodata, folder));
        Assert.Equal(GazetteerCache.Stamp(geodata), GazetteerCache.Stamp(geodata, folder));
    }

    [Fact]
    public void The_cache_stamp_changes_when_an_import_is_added_or_changed()
    {
        var geodata = Core.Gazetteer.Gazetteer.LocateGeodata();
        var before = GazetteerCache.Stamp(geodata, folder);
        var path = Path.Combine(folder, "camps.sites.tsv");
        File.WriteAllText(path, SitesFile.Header + "\n");
        var added = GazetteerCache.Stamp(geodata, folder);
        Assert.NotEqual(before, added);
        File.AppendAllText(path, "sd:x\tX camp\t\tcamp\t13\t25\tSD\t\t\t\t\t\t\n");
        Assert.NotEqual(added, GazetteerCache.Stamp(geodata, folder));
    }

    [Fact]
    public void The_folder_is_the_environment_variable_else_gazetteer_in_the_data_folder()
    {
        var saved = Environment.GetEnvironmentVariable(UserGazetteer.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(UserGazetteer.EnvironmentVariable, null);
            Assert.Equal(Path.Combine(folder, "gazetteer"), UserGazetteer.Locate(folder));
            Environment.SetEnvironmentVariable(UserGazetteer.EnvironmentVariable, Path.Combine(folder, "elsewhere"));
            Assert.Equal(Path.Combine(folder, "elsewhere"), UserGazetteer.Locate(folder));
        }
        finally
        {
            Environment.SetEnvironmentVariable(UserGazetteer.EnvironmentVariable, saved);
        }
    }

    [Theory]
    [InlineData("sudan-2024", true)]
    [InlineData("cod_ab", true)]
    [InlineData("../etc", false)]
    [InlineData("a.b", false)]
    [InlineData("", false)]
    public void Import_names_are_safe_file_names(string name, bool valid) => Assert.Equal(valid, UserGazetteer.IsValidName(name));
}
