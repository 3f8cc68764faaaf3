using GeoSituation.Core.Gazetteer;

namespace GeoSituation.Cli.GazetteerImport;

/// <summary>What an import wrote.</summary>
internal sealed record ImportResult(string Name, string Folder, string Kind, string Detected, int Sites, int Areas, int Entries, int EntriesBefore, string Cache);

/// <summary>One import in the user gazetteer folder, with what its files hold.</summary>
internal sealed record ImportSummary(string Name, int Sites, int Areas, long Bytes);

/// <summary>
/// Converts a boundary file or site list into the gazetteer formats and adds it to the user gazetteer folder,
/// all or nothing: the files are written to a staging folder beside it, the whole gazetteer is loaded from the
/// staging copy (the same loader the server runs), and only then renamed into place; the cache is rebuilt.
/// </summary>
internal static class GazetteerImporter
{
    /// <exception cref="InvalidDataException">The input is not usable; nothing was written.</exception>
    public static ImportResult Import(ImportOptions options, string geodata, string userFolder)
    {
        var name = options.Name ?? DefaultName(options.File);
        if (!UserGazetteer.IsValidName(name))
            throw new InvalidDataException($"--name {name}: use letters, digits, '-' and '_' (it names the import's files)");
        var sourceName = Path.GetFileName(options.File);
        var isSites = options.Level == "site" || Path.GetExtension(options.File).Equals(".csv", StringComparison.OrdinalIgnoreCase);
        List<GazetteerSite> sites = [];
        List<GazetteerArea> areas = [];
        string detected;
        if (isSites)
        {
            if (!Path.GetExtension(options.File).Equals(".csv", StringComparison.OrdinalIgnoreCase))
                throw new InvalidDataException($"--level site: a site list is a CSV file, not '{Path.GetExtension(options.File)}'");
            (sites, detected) = SiteCsvReader.Read(options, sourceName);
        }
        else
        {
            (areas, _, detected) = CodAbReader.Read(BoundaryFileReader.Read(options.File), options, sourceName);
        }

        var before = Gazetteer.Load(geodata, userFolder: userFolder).Entries.Count;
        Directory.CreateDirectory(userFolder);
        // Inside the folder (same file system, so the final renames are atomic); the loader reads only its top level.
        var staging = Directory.CreateDirectory(Path.Combine(userFolder, $".staging-{Environment.ProcessId}-{Guid.NewGuid():N}")).FullName;
        try
        {
            // The other imports as they are, plus this one: what the folder will hold once it is renamed in.
            foreach (var other in UserGazetteer.Imports(userFolder).Where(n => n != name))
            {
                foreach (var file in new[] { UserGazetteer.SitesPath(userFolder, other), UserGazetteer.AreasPath(userFolder, other) }.Where(File.Exists))
                {
                    var copy = Path.Combine(staging, Path.GetFileName(file));
                    File.Copy(file, copy);
                    File.SetLastWriteTimeUtc(copy, File.GetLastWriteTimeUtc(file));
                }
            }
            var stagedSites = UserGazetteer.SitesPath(staging, name);
            var stagedAreas = UserGazetteer.AreasPath(staging, name);
            if (sites.Count > 0) SitesFile.Write(stagedSites, sites);
            if (areas.Count > 0) AreasFile.Write(stagedAreas, areas);
            Gazetteer loaded;
            try
            {
                loaded = Gazetteer.Load(geodata, Path.Combine(staging, "cache"), staging);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{options.File}: {e.Message.Replace(staging + Path.DirectorySeparatorChar, "", StringComparison.Ordinal)}", e);
            }

            // Renames within one folder: each file appears whole. A re-import replaces both files of the name.
            Replace(stagedSites, UserGazetteer.SitesPath(userFolder, name));
            Replace(stagedAreas, UserGazetteer.AreasPath(userFolder, name));
            var cacheFolder = UserGazetteer.CacheFolder(geodata, userFolder);
            Directory.CreateDirectory(cacheFolder);
            File.Move(Path.Combine(staging, "cache", "gazetteer.bin"), Path.Combine(cacheFolder, "gazetteer.bin"), overwrite: true);
            // Reads the moved cache when its stamp still matches, else rebuilds it: either way the cache is current.
            Gazetteer.Load(geodata, userFolder: userFolder);
            return new ImportResult(name, userFolder, isSites ? "sites" : SiteTypes.Text(areas[0].Type), detected, sites.Count, areas.Count,
                loaded.Entries.Count, before, Path.Combine(cacheFolder, "gazetteer.bin"));
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    public static IReadOnlyList<ImportSummary> List(string userFolder) =>
    [
        .. UserGazetteer.Imports(userFolder).Select(name =>
        {
            var sites = UserGazetteer.SitesPath(userFolder, name);
            var areas = UserGazetteer.AreasPath(userFolder, name);
            var files = new[] { sites, areas }.Where(File.Exists).ToArray();
            return new ImportSummary(name, File.Exists(sites) ? SitesFile.Read(sites).Count : 0, File.Exists(areas) ? AreasFile.Read(areas).Count : 0,
                files.Sum(f => new FileInfo(f).Length));
        }),
    ];

    /// <summary>Deletes the import's files and rebuilds the cache; false when there is no such import.</summary>
    public static bool Remove(string name, string geodata, string userFolder)
    {
        if (!UserGazetteer.Imports(userFolder).Contains(name)) return false;
        File.Delete(UserGazetteer.SitesPath(userFolder, name));
        File.Delete(UserGazetteer.AreasPath(userFolder, name));
        var ownCache = Path.Combine(userFolder, "cache");
        if (UserGazetteer.Imports(userFolder).Count == 0 && Directory.Exists(ownCache)) Directory.Delete(ownCache, recursive: true);
        Gazetteer.Load(geodata, userFolder: userFolder);
        return true;
    }

    private static void Replace(string staged, string target)
    {
        if (File.Exists(staged)) File.Move(staged, target, overwrite: true);
        else File.Delete(target);
    }

    private static string DefaultName(string file)
    {
        var stem = Path.GetFileNameWithoutExtension(file);
        var name = new string([.. stem.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]).Trim('-');
        return name.Length == 0 ? "import" : name[..Math.Min(name.Length, 64)];
    }
}
