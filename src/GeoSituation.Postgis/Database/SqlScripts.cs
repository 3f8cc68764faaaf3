using System.Collections.Concurrent;

namespace GeoSituation.Postgis.Database;

/// <summary>The .sql files embedded in this assembly (Migrations/, Queries/), read once.</summary>
internal static class SqlScripts
{
    private static readonly ConcurrentDictionary<string, SqlText> Cache = new();
    private static readonly System.Reflection.Assembly Assembly = typeof(SqlScripts).Assembly;
    private const string Prefix = "GeoSituation.Postgis.";

    /// <summary>A script by its path under the project, with '/' separators: "Queries/Tiles/places.sql".</summary>
    public static SqlText Get(string path) => Cache.GetOrAdd(path, static p =>
    {
        var name = Prefix + p.Replace('/', '.');
        using var stream = Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded SQL script {p} not found.");
        using var reader = new StreamReader(stream);
        return SqlText.FromEmbeddedScript(reader.ReadToEnd());
    });

    /// <summary>Names (file names only) of the scripts in a folder, in ordinal order.</summary>
    public static IReadOnlyList<string> List(string folder)
    {
        var prefix = Prefix + folder.Replace('/', '.') + ".";
        return Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => n[prefix.Length..])
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
