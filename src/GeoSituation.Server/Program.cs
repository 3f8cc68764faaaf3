using GeoSituation.Server;
using GeoSituation.Server.Health;

// `GeoSituation.Server --healthcheck` probes a running server (Docker HEALTHCHECK); otherwise serve.
// The features the server is made of are listed in ServerApp.Build.
if (HealthProbe.IsRequested(args)) return await HealthProbe.RunAsync();
WebApplication app;
try
{
    app = ServerApp.Build(args);
}
catch (InvalidOperationException e)
{
    // A setting that does not validate: say which, without a stack trace, and exit 2 as the CLI does.
    Console.Error.WriteLine($"GeoSituation.Server: {e.Message}");
    return 2;
}
await app.RunAsync();
return 0;
