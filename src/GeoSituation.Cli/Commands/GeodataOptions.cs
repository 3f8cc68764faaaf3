using System.CommandLine;
using GeoSituation.Core.Gazetteer;

namespace GeoSituation.Cli.Commands;

/// <summary>The --geodata option every verb that needs the gazetteer shares.</summary>
internal static class GeodataOptions
{
    public static Option<DirectoryInfo?> Create() => new("--geodata")
    {
        Description = $"Gazetteer folder (default: ${Gazetteer.GeodataEnvironmentVariable}, else the repository's geodata/).",
    };

    public static Gazetteer Load(DirectoryInfo? directory) =>
        Gazetteer.Load(directory?.FullName ?? Gazetteer.LocateGeodata());
}
