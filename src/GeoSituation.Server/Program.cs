using GeoSituation.Server;
using GeoSituation.Server.Health;

// `GeoSituation.Server --healthcheck` probes a running server (Docker HEALTHCHECK); otherwise serve.
// The features the server is made of are listed in ServerApp.Build.
if (HealthProbe.IsRequested(args)) return await HealthProbe.RunAsync();
await ServerApp.Build(args).RunAsync();
return 0;
