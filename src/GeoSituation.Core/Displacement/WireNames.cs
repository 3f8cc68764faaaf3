using System.Text;
using GeoSituation.Core.Events;
using GeoSituation.Core.Gazetteer;

namespace GeoSituation.Core.Displacement;

/// <summary>
/// The words kinds, units, movements, directions and event types are stored and served with (database columns, GeoJSON,
/// tiles, CSV, /search, the API's and the CLI's JSON): one definition, so a filter or a style never meets a second spelling.
/// </summary>
public static class WireNames
{
    public static string Of(PlaceKind kind) => kind switch
    {
        PlaceKind.City => "city",
        PlaceKind.AdminArea => "admin",
        PlaceKind.Region => "region",
        PlaceKind.Country => "country",
        _ => "other",
    };

    /// <summary>ACLED event types in snake case ("explosions_remote_violence"), stable for filters and styles.</summary>
    public static string Of(SituationEventType type)
    {
        var name = type.ToString();
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) builder.Append('_');
            builder.Append(char.ToLowerInvariant(name[i]));
        }
        return builder.ToString();
    }

    public static string Of(FigureUnit unit) => unit switch
    {
        FigureUnit.Households => "households",
        FigureUnit.Families => "families",
        _ => "people",
    };

    public static string Of(MovementKind movement) => movement switch
    {
        MovementKind.Returned => "returned",
        MovementKind.Deported => "deported",
        _ => "displaced",
    };

    public static string Of(DisplacementDirection direction) => direction == DisplacementDirection.From ? "from" : "at";
}
