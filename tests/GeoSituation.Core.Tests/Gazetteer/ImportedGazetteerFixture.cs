using GeoSituation.Core.Gazetteer;

namespace GeoSituation.Core.Tests.Gazetteer;

/// <summary>
/// The real geodata/ with the test's own humanitarian files (Fixtures/humanitarian) and one user import
/// (Fixtures/user/darfur.*), loaded once: a temp geodata folder links the committed GeoNames files.
/// </summary>
public sealed class ImportedGazetteerFixture : IDisposable
{
    public ImportedGazetteerFixture()
    {
        var real = Core.Gazetteer.Gazetteer.LocateGeodata();
        Root = Directory.CreateTempSubdirectory("geosituation-gazetteer-").FullName;
        Geodata = Path.Combine(Root, "geodata");
        Directory.CreateDirectory(Path.Combine(Geodata, "humanitarian"));
        foreach (var file in Directory.EnumerateFiles(real))
            File.CreateSymbolicLink(Path.Combine(Geodata, Path.GetFileName(file)), file);
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Gazetteer", "Fixtures");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(fixtures, "humanitarian")))
            File.Copy(file, Path.Combine(Geodata, "humanitarian", Path.GetFileName(file)));
        UserFolder = Path.Combine(Root, "data", "gazetteer");
        Directory.CreateDirectory(UserFolder);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(fixtures, "user")))
            File.Copy(file, Path.Combine(UserFolder, Path.GetFileName(file)));
        Gazetteer = Core.Gazetteer.Gazetteer.Load(Geodata, userFolder: UserFolder);
    }

    public string Root { get; }
    public string Geodata { get; }
    public string UserFolder { get; }
    public Core.Gazetteer.Gazetteer Gazetteer { get; }


    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class ImportedGazetteerCollection : ICollectionFixture<ImportedGazetteerFixture>
{
    public const string Name = "gazetteer with humanitarian files and a user import";
}
