using System.Globalization;

namespace GeoSituation.Postgis.Embedded;

/// <summary>
/// Records which GeoSituation process is responsible for stopping the cluster, so a second process on the same
/// folder shares it instead of stopping it under the first, while a cluster left behind by a killed process is adopted.
/// </summary>
internal static class LauncherPid
{
    private static string PathIn(string dataFolder) => Path.Combine(dataFolder, "launcher.pid");

    public static bool IsHeldByLiveProcess(string dataFolder)
    {
        var path = PathIn(dataFolder);
        if (!File.Exists(path)) return false;
        return int.TryParse(File.ReadAllText(path).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid)
            && pid != Environment.ProcessId && ProcessInfo.IsAlive(pid);
    }

    public static void Write(string dataFolder) =>
        File.WriteAllText(PathIn(dataFolder), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

    public static void Remove(string dataFolder)
    {
        var path = PathIn(dataFolder);
        if (File.Exists(path) && File.ReadAllText(path).Trim() == Environment.ProcessId.ToString(CultureInfo.InvariantCulture)) File.Delete(path);
    }
}
