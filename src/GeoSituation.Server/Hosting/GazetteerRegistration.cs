using GeoSituation.Core.Gazetteer;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GeoSituation.Server.Hosting;

/// <summary>The one gazetteer of the server: geodata/, geodata/humanitarian/ and the imports in <see cref="ServerSettings.GazetteerFolder"/>.</summary>
/// <remarks>
/// The CLI's analyze and ingest load the same folders for the same data folder, so a place the server resolves is
/// the place `geosituation ingest` resolves. Imports are picked up at the next start (the cache stamp sees them).
/// </remarks>
public static class GazetteerRegistration
{
    /// <summary>Registers the gazetteer unless something (a test) registered one first.</summary>
    public static IServiceCollection AddGazetteer(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => Load(sp.GetRequiredService<ServerSettings>()));
        // countries.json alone, read on first use (the ACLED CSV's ISO codes and country names).
        services.TryAddSingleton(_ => CountryCodes.Load(Gazetteer.LocateGeodata()));
        return services;
    }

    public static Gazetteer Load(ServerSettings settings) =>
        Gazetteer.Load(Gazetteer.LocateGeodata(), userFolder: settings.GazetteerFolder);
}
