using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using GeoSituation.Core.Events;
using GeoSituation.Core.Gazetteer;

namespace GeoSituation.Benchmarks;

/// <summary>The event-only small-places layer read in full from geodata/events/ (target: well under 1 s CPU).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class SmallPlacesLoadBenchmarks
{
    private string geodata = "";

    [GlobalSetup]
    public void Setup() => geodata = Gazetteer.LocateGeodata();

    /// <summary>Count forces the lazy load (rows only: a country's name index is built on its first lookup).</summary>
    [Benchmark]
    public int LoadWholeFile() => SmallPlaces.Load(geodata).Count;

    /// <summary>
    /// One cold load in a fresh process, as the server pays it: wall and CPU time, bytes allocated, and bytes still
    /// held after a full collection. Run: <c>dotnet run -c Release --project bench/GeoSituation.Benchmarks -- small-places</c>.
    /// </summary>
    public static int Report()
    {
        var geodata = Gazetteer.LocateGeodata();
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var places = SmallPlaces.Load(geodata);
        var count = places.Count;
        clock.Stop();
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var held = GC.GetTotalMemory(forceFullCollection: true) - before;
        Console.WriteLine($"{count} rows: cold load {clock.Elapsed.TotalMilliseconds:F0} ms wall, {cpuUsed.TotalMilliseconds:F0} ms CPU, " +
                          $"{allocated / 1048576.0:F1} MB allocated, {held / 1048576.0:F1} MB held");
        // The first lookup in a country builds that country's name index: Pakistan has the most rows.
        foreach (var country in new[] { "PK", "SY" })
        {
            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            clock.Restart();
            places.Lookup("Al Ghantu", country);
            Console.WriteLine($"first lookup in {country} (builds its index): {clock.Elapsed.TotalMilliseconds:F0} ms wall, " +
                              $"{(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:F0} ms CPU");
        }
        var lookup = Stopwatch.StartNew();
        var hits = 0;
        for (var i = 0; i < 10_000; i++) hits += places.Lookup("Al Ghantu", "SY").Count;
        lookup.Stop();
        var indexed = GC.GetTotalMemory(forceFullCollection: true) - before;
        Console.WriteLine($"lookup {lookup.Elapsed.TotalMicroseconds / 10_000:F2} us ({hits / 10_000} hit); " +
                          $"{indexed / 1048576.0:F1} MB held with the PK and SY indexes");
        GC.KeepAlive(places);
        // Again in the same process: the code is compiled now, so the difference is JIT time.
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        clock.Restart();
        count = SmallPlaces.Load(geodata).Count;
        Console.WriteLine($"second load in the same process: {clock.Elapsed.TotalMilliseconds:F0} ms wall, " +
                          $"{(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:F0} ms CPU");
        return 0;
    }
}
