using System.Runtime.InteropServices;

namespace GeoSituation.Benchmarks;

/// <summary>CPU time this process has used (user + system, every thread: the analysing one, the GC's, the JIT's).</summary>
/// <remarks>
/// Wall-clock time on a machine shared with other builds measures the other builds as much as the code: under a load
/// average of 9 on 2 cores a best-of-three wall time varied 4x between identical runs. CPU time counts only what this
/// process did. <see cref="System.Diagnostics.Process.TotalProcessorTime"/> is read from /proc in 10 ms clock ticks,
/// too coarse for a 16 KB analysis; getrusage answers in microseconds.
/// </remarks>
internal static class ProcessorTime
{
    public static TimeSpan Used()
    {
        if (GetResourceUsage(0, out var usage) != 0) throw new InvalidOperationException("getrusage failed");
        var microseconds = (usage.UserSeconds + usage.SystemSeconds) * 1_000_000 + usage.UserMicroseconds + usage.SystemMicroseconds;
        return TimeSpan.FromMicroseconds(microseconds);
    }

    // struct rusage on 64-bit Linux: two struct timevals (long seconds, long microseconds), then 14 longs: 144 bytes.
    [StructLayout(LayoutKind.Sequential, Size = 144)]
    private struct ResourceUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
    }

    // RUSAGE_SELF (0): every thread of the process.
    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetResourceUsage(int who, out ResourceUsage usage);
}
