using System.CommandLine;
using System.Text.Json;

namespace GeoSituation.Cli.Commands;

/// <summary>--json: the verbs that print a table or a summary for people print one JSON object on stdout instead.</summary>
internal static class JsonOutputOption
{
    public static Option<bool> Create() => new("--json")
    {
        Description = "Print the result as one JSON object on stdout (for scripts) instead of tables.",
    };

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static void Write<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Options));
}
