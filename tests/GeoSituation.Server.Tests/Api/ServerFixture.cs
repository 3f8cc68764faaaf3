using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace GeoSituation.Server.Tests.Api;

/// <summary>
/// The real server (Kestrel on a free loopback port, its own embedded PostGIS in a temp folder, the seeds
/// ingested at first start), shared by the API tests; they talk to it over real HTTP.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public const string ApiKey = "api-tests-key-9f2c41-5e7d0b";

    private WebApplication? app;

    public string DataFolder { get; } = Directory.CreateTempSubdirectory("geosituation-apitest-").FullName;
    public HttpClient Http { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The running server's services (its NpgsqlDataSource, for tests that change the database behind its back).</summary>
    public IServiceProvider Services => app?.Services ?? throw new InvalidOperationException("The server is not started.");

    /// <summary>The shared server's database, with the embedded cluster's password: Npgsql leaves the password out of a
    /// data source's connection string (Persist Security Info), and a second server needs it to connect.</summary>
    public Npgsql.NpgsqlConnectionStringBuilder DatabaseConnection() =>
        new(Services.GetRequiredService<Npgsql.NpgsqlDataSource>().ConnectionString)
        {
            Password = File.ReadAllText(GeoSituation.Postgis.Embedded.EmbeddedPostgres.PasswordFile(DataFolder)).Trim(),
        };

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public async Task InitializeAsync()
    {
        app = ServerApp.Build(
        [
            "--urls=http://127.0.0.1:0",
            $"--GEOSITUATION_DATA={DataFolder}",
            $"--GEOSITUATION_SEEDS={Path.Combine(RepositoryRoot, "seeds")}",
            $"--GEOSITUATION_API_KEY={ApiKey}",
            "--GEOSITUATION_DB=",
            // The shared server takes hundreds of writes in a few seconds (the hostile-input suite); the write rate
            // limit is tested on a server of its own (HardenedConfigurationTests), so here it must not decide an answer.
            "--GEOSITUATION_WRITE_RATE=100000",
            "--GEOSITUATION_WRITE_BURST=100000",
            // Likewise the wrong-key throttle (KeyGuessingTests): the hostile-input suite sends hundreds of bad keys.
            "--GEOSITUATION_AUTH_FAILURE_BURST=100000",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> PostArticleAsync(object article, string? key = ApiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/articles")
        {
            Content = new StringContent(JsonSerializer.Serialize(article), Encoding.UTF8, "application/json"),
        };
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GeoSituation.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("GeoSituation.sln not found above the test assembly.");
    }
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "Server over real HTTP";
}
