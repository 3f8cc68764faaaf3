using System.Text.RegularExpressions;

namespace GeoSituation.Core.Gazetteer;

/// <summary>A planner's own gazetteer imports: a folder of <c>NAME.sites.tsv</c> / <c>NAME.areas.geojson</c> pairs.</summary>
/// <remarks>
/// The folder is <c>$GEOSITUATION_GAZETTEER</c>, else <c>gazetteer/</c> in the data folder (<c>$GEOSITUATION_DATA</c>,
/// default <c>.data/</c>). <see cref="Gazetteer.Load"/> merges it after geodata/ and geodata/humanitarian/; while it
/// holds imports the binary cache lives in its <c>cache/</c> subfolder, so one data folder's imports never
/// invalidate the repository's geodata/cache that other data folders share. Docs: docs/gazetteer-import.md.
/// </remarks>
public static partial class UserGazetteer
{
    public const string EnvironmentVariable = "GEOSITUATION_GAZETTEER";
    public const string SitesSuffix = ".sites.tsv";
    public const string AreasSuffix = ".areas.geojson";

    /// <summary>$GEOSITUATION_GAZETTEER, else <paramref name="dataFolder"/>/gazetteer.</summary>
    public static string Locate(string dataFolder)
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? Path.Combine(dataFolder, "gazetteer") : configured);
    }

    /// <summary>True for names an import can take: letters, digits, '-' and '_' (they become file names).</summary>
    public static bool IsValidName(string name) => ImportName().IsMatch(name);

    /// <summary>The imports in the folder, by name (ordinal order: the order they are merged in).</summary>
    public static IReadOnlyList<string> Imports(string? folder)
    {
        if (folder is null || !Directory.Exists(folder)) return [];
        return [.. Directory.EnumerateFiles(folder)
            .Select(Path.GetFileName)
            .Select(f => f!.EndsWith(SitesSuffix, StringComparison.Ordinal) ? f[..^SitesSuffix.Length]
                : f.EndsWith(AreasSuffix, StringComparison.Ordinal) ? f[..^AreasSuffix.Length] : null)
            .Where(n => n is not null && IsValidName(n))
            .Select(n => n!)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }

    public static string SitesPath(string folder, string name) => Path.Combine(folder, name + SitesSuffix);

    public static string AreasPath(string folder, string name) => Path.Combine(folder, name + AreasSuffix);

    /// <summary>Where the binary cache goes: the user folder's cache/ while it holds imports, else geodata/cache.</summary>
    public static string CacheFolder(string geodataDirectory, string? userFolder) =>
        Imports(userFolder).Count > 0 ? Path.Combine(userFolder!, "cache") : Path.Combine(geodataDirectory, "cache");

    /// <summary>Every layer merged after the GeoNames files: geodata/humanitarian/, then each import by name.</summary>
    internal static IEnumerable<GazetteerLayer> Layers(string geodataDirectory, string? userFolder)
    {
        var humanitarian = Path.Combine(geodataDirectory, "humanitarian");
        yield return new GazetteerLayer("humanitarian", Path.Combine(humanitarian, "sites.tsv"), Path.Combine(humanitarian, "areas.geojson"));
        // Larger curated extracts kept in their own files in the import format (localities.sites.tsv: villages and
        // neighbourhoods of crisis countries), merged after the hand-curated pair.
        foreach (var name in Imports(humanitarian))
            yield return new GazetteerLayer("humanitarian/" + name, SitesPath(humanitarian, name), AreasPath(humanitarian, name));
        foreach (var name in Imports(userFolder))
            yield return new GazetteerLayer(name, SitesPath(userFolder!, name), AreasPath(userFolder!, name));
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex ImportName();
}

/// <summary>One pair of files merged into the gazetteer; either file may be missing.</summary>
internal sealed record GazetteerLayer(string Name, string SitesPath, string AreasPath);
