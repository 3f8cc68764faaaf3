namespace GeoSituation.Server.Hosting;

/// <summary>Finds the repository checkout the server runs from, so defaults (.data/, seeds/, wwwroot) work from any working directory.</summary>
public static class RepositoryRoot
{
    private const string Marker = "GeoSituation.sln";

    /// <summary>The nearest folder holding GeoSituation.sln above the working directory or the binary; null when deployed without it.</summary>
    public static string? Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, Marker))) return dir.FullName;
            }
        }
        return null;
    }

    /// <summary>
    /// The content root holding wwwroot: the working directory or the binary's folder when they have one (published),
    /// else the server project in the checkout (dotnet run from anywhere, Release builds that do not copy wwwroot).
    /// </summary>
    public static string ContentRoot()
    {
        foreach (var candidate in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            if (Directory.Exists(Path.Combine(candidate, "wwwroot"))) return candidate;
        }
        var repository = Find();
        var project = repository is null ? null : Path.Combine(repository, "src", "GeoSituation.Server");
        return project is not null && Directory.Exists(project) ? project : Directory.GetCurrentDirectory();
    }
}
