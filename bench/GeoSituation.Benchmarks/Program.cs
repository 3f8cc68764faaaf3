using BenchmarkDotNet.Running;
using GeoSituation.Benchmarks;

// Geoparser throughput and gazetteer load time (issue 3's speed targets). Run in Release:
//   dotnet run -c Release --project bench/GeoSituation.Benchmarks -- --filter '*'
// Analysis cost against text size, 16 KB - 1 MB (issue 13):
//   dotnet run -c Release --project bench/GeoSituation.Benchmarks -- scaling [stages]
if (args is ["scaling"]) return AnalysisScaling.Run(byStage: false);
if (args is ["scaling", "stages"]) return AnalysisScaling.Run(byStage: true);
BenchmarkSwitcher.FromAssembly(typeof(GeoparserBenchmarks).Assembly).Run(args);
return 0;
