using BenchmarkDotNet.Running;
using GeoSituation.Benchmarks;

// Geoparser throughput and gazetteer load time (issue 3's speed targets). Run in Release:
//   dotnet run -c Release --project bench/GeoSituation.Benchmarks -- --filter '*'
// Analysis cost against text size, 16 KB - 1 MB (issue 13):
//   dotnet run -c Release --project bench/GeoSituation.Benchmarks -- scaling [stages]
// One cold load of the event-only small-places layer (time and memory):
//   dotnet run -c Release --project bench/GeoSituation.Benchmarks -- small-places
if (args is ["scaling"]) return AnalysisScaling.Run(byStage: false);
if (args is ["scaling", "stages"]) return AnalysisScaling.Run(byStage: true);
if (args is ["small-places"]) return SmallPlacesLoadBenchmarks.Report();
BenchmarkSwitcher.FromAssembly(typeof(GeoparserBenchmarks).Assembly).Run(args);
return 0;
