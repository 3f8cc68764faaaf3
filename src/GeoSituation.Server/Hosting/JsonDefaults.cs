using System.Text.Json;
using System.Text.Json.Serialization;

namespace GeoSituation.Server.Hosting;

/// <summary>JSON as this API writes it: snake_case names like the GeoJSON properties, nulls kept.</summary>
internal static class JsonDefaults
{
    public static readonly JsonSerializerOptions SnakeCase = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}
