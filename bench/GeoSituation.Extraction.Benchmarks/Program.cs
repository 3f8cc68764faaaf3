using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/GeoSituation.Extraction.Benchmarks
BenchmarkSwitcher.FromAssembly(typeof(GeoSituation.Extraction.Benchmarks.ExtractionBenchmarks).Assembly).Run(args);
