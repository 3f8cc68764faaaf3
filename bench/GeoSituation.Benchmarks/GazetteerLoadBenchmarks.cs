using BenchmarkDotNet.Attributes;
using GeoSituation.Core.Gazetteer;

namespace GeoSituation.Benchmarks;

/// <summary>Gazetteer ready to use from its binary cache (target: under 1 s).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class GazetteerLoadBenchmarks
{
    private string geodata = "";
    private string cache = "";

    [GlobalSetup]
    public void Setup()
    {
        geodata = Gazetteer.LocateGeodata();
        cache = Path.Combine(Path.GetTempPath(), "geosituation-bench-cache");
        Gazetteer.Load(geodata, cache); // builds the cache once
    }

    [Benchmark]
    public int LoadFromCache() => Gazetteer.Load(geodata, cache).Entries.Count;
}
