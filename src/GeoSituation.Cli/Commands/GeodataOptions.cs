using System.CommandLine;
using GeoSituation.Core.Gazetteer;
using GeoSituation.Postgis.Database;

namespace GeoSituation.Cli.Commands;

/// <summary>The --geodata option every verb that needs the gazetteer shares.</summary>
internal static class GeodataOptions
{
    public static Option<DirectoryInfo?> Create() => new("--geodata")
    {
        Description = $"Gazetteer folder (default: ${Gazetteer.GeodataEnvironmentVariable}, else the repository's geodata/).",
    };

    /// <summary>geodata/ and geodata/humanitarian/ only: what evaluation and training must see, whatever a user imported.</summary>
    public static Gazetteer Load(DirectoryInfo? directory) =>
        Gazetteer.Load(directory?.FullName ?? Gazetteer.LocateGeodata());

    /// <summary>Also the user's imports (<see cref="UserFolder"/>): the gazetteer the server uses on the same data folder.</summary>
    public static Gazetteer LoadWithImports(DirectoryInfo? directory, DirectoryInfo? dataFolder) =>
        Gazetteer.Load(directory?.FullName ?? Gazetteer.LocateGeodata(), userFolder: UserFolder(dataFolder));

    /// <summary>$GEOSITUATION_GAZETTEER, else gazetteer/ in --data ($GEOSITUATION_DATA, else .data/ in the repository).</summary>
    public static string UserFolder(DirectoryInfo? dataFolder) =>
        UserGazetteer.Locate(dataFolder?.FullName ?? DatabaseSession.DefaultDataFolder());
}
