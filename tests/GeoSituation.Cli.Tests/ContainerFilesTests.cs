using GeoSituation.Cli.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace GeoSituation.Cli.Tests;

/// <summary>
/// No Docker engine runs in CI, so docker-compose.yml and the Dockerfile are checked as files: the compose services,
/// health checks and volumes, and a Dockerfile that takes the same steps as run.sh (Release build of the server,
/// geodata/ and seeds/ beside it, the data folder, port 5080) in stages, running as a non-root user.
/// </summary>
public sealed class ContainerFilesTests
{
    private static string Read(string name) => File.ReadAllText(Path.Combine(CliProcess.RepositoryRoot, name));

    private static YamlMappingNode Compose()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(Read("docker-compose.yml")));
        return (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    private static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)];

    private static string Scalar(YamlNode node, string key) => ((YamlScalarNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)]).Value!;

    private static bool Has(YamlNode node, string key) => ((YamlMappingNode)node).Children.ContainsKey(new YamlScalarNode(key));

    [Fact]
    public void Compose_runs_postgis_and_the_server_with_health_checks_and_volumes()
    {
        var root = Compose();
        var services = Map(root, "services");
        Assert.True(Has(services, "db") && Has(services, "server"));
        var db = Map(services, "db");
        var server = Map(services, "server");

        Assert.StartsWith("postgis/postgis:", Scalar(db, "image"), StringComparison.Ordinal);
        foreach (var service in new[] { db, server })
        {
            var healthcheck = Map(service, "healthcheck");
            Assert.True(Has(healthcheck, "test") && Has(healthcheck, "interval") && Has(healthcheck, "retries"));
        }
        Assert.Equal(".", Scalar(server, "build"));
        Assert.Equal("service_healthy", Scalar(Map(Map(server, "depends_on"), "db"), "condition"));
        Assert.Contains("Host=db", Scalar(Map(server, "environment"), "GEOSITUATION_DB"), StringComparison.Ordinal);

        // Named volumes, declared at the top level: the database survives `docker compose down`.
        var volumes = Map(root, "volumes");
        var dbMounts = ((YamlSequenceNode)db.Children[new YamlScalarNode("volumes")]).Children.Select(n => ((YamlScalarNode)n).Value!).ToList();
        var pgdata = Assert.Single(dbMounts, m => m.EndsWith(":/var/lib/postgresql/data", StringComparison.Ordinal));
        Assert.True(Has(volumes, pgdata.Split(':')[0]), $"volume {pgdata} is declared");
        var serverMounts = ((YamlSequenceNode)server.Children[new YamlScalarNode("volumes")]).Children.Select(n => ((YamlScalarNode)n).Value!).ToList();
        Assert.Contains(serverMounts, m => m.EndsWith(":/data", StringComparison.Ordinal) && Has(volumes, m.Split(':')[0]));
    }

    [Fact]
    public void Dockerfile_builds_in_stages_and_runs_as_a_non_root_user_with_what_run_sh_uses()
    {
        var lines = Read("Dockerfile").Replace("\\\n", " ", StringComparison.Ordinal).Split('\n')
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var stages = lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        Assert.True(stages.Count >= 2, "multi-stage");
        Assert.Contains(stages, s => s.Contains("dotnet/sdk:10.0", StringComparison.Ordinal) && s.EndsWith(" AS build", StringComparison.Ordinal));
        var final = lines.Skip(lines.IndexOf(stages[^1])).ToList();
        Assert.Contains("dotnet/aspnet:10.0", stages[^1], StringComparison.Ordinal);

        // run.sh: a Release build of the server, served on 5080 with a data folder; the server reads geodata/ and seeds/.
        var runSh = Read("run.sh");
        Assert.Contains("dotnet build src/GeoSituation.Server -c Release", runSh, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("RUN dotnet publish src/GeoSituation.Server -c Release", StringComparison.Ordinal));
        Assert.Contains(final, l => l.StartsWith("COPY --from=build", StringComparison.Ordinal));
        Assert.Contains(final, l => l == "COPY geodata /app/geodata");
        Assert.Contains(final, l => l == "COPY seeds /app/seeds");
        var environment = string.Join(' ', final.Where(l => l.StartsWith("ENV ", StringComparison.Ordinal)));
        foreach (var setting in new[] { "ASPNETCORE_URLS=http://0.0.0.0:5080", "GEOSITUATION_DATA=/data", "GEOSITUATION_GEODATA=/app/geodata", "GEOSITUATION_SEEDS=/app/seeds" })
        {
            Assert.Contains(setting, environment, StringComparison.Ordinal);
        }
        Assert.Contains("5080", runSh, StringComparison.Ordinal);
        Assert.Contains(final, l => l == "EXPOSE 5080");
        Assert.Contains(final, l => l.StartsWith("HEALTHCHECK", StringComparison.Ordinal) && l.Contains("--healthcheck", StringComparison.Ordinal));
        Assert.Contains("HealthProbe.IsRequested(args)", Read("src/GeoSituation.Server/Program.cs"), StringComparison.Ordinal);

        var user = final.Last(l => l.StartsWith("USER ", StringComparison.Ordinal))["USER ".Length..].Trim();
        Assert.DoesNotContain(user, new[] { "root", "0", "0:0" });
        Assert.True(final.IndexOf(final.Last(l => l.StartsWith("USER ", StringComparison.Ordinal))) < final.FindIndex(l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal)));

        // The map's assets are committed under wwwroot (published by the Web SDK) and are not ignored by the build context.
        Assert.True(File.Exists(Path.Combine(CliProcess.RepositoryRoot, "src/GeoSituation.Server/wwwroot/index.html")));
        var ignored = Read(".dockerignore").Split('\n').Select(l => l.Trim()).ToList();
        Assert.Contains(".data", ignored);
        Assert.DoesNotContain(ignored, l => l is "geodata" or "seeds" or "src" || l.Contains("wwwroot", StringComparison.Ordinal));
    }
}
