using BenchmarkDotNet.Running;

// Geoparser throughput and gazetteer load time (issue 3's speed targets). Run in Release:
//   dotnet run -c Release --project bench/GeoSituation.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(GeoSituation.Benchmarks.GeoparserBenchmarks).Assembly).Run(args);
