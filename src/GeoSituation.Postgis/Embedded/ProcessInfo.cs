namespace GeoSituation.Postgis.Embedded;

/// <summary>What /proc says about a process id.</summary>
internal static class ProcessInfo
{
    public static bool IsAlive(int pid) => pid > 0 && Directory.Exists($"/proc/{pid}");

    public static bool IsPostgres(int pid)
    {
        if (!IsAlive(pid)) return false;
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Contains("postgres", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
