namespace GeoSituation.Server.Hosting;

/// <summary>Process-level defaults: where to listen and which settings to use.</summary>
public static class HostingExtensions
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Creates the builder with the right content root (wwwroot) whatever the working directory.</summary>
    public static WebApplicationBuilder CreateGeoSituationBuilder(string[] args) =>
        WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = RepositoryRoot.ContentRoot() });

    /// <summary>Listens on 127.0.0.1:5080 unless ASPNETCORE_URLS (or --urls) says otherwise; registers <see cref="ServerSettings"/>.</summary>
    public static WebApplicationBuilder AddGeoSituationHosting(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"])) builder.WebHost.UseUrls(DefaultUrl);
        builder.Services.AddSingleton(ServerSettings.From(builder.Configuration));
        // Graceful shutdown: in-flight requests finish, then the embedded cluster stops cleanly.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        return builder;
    }
}
