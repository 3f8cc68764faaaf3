namespace GeoSituation.Core.Displacement;

/// <summary>The words figures are stored and served with (database columns, GeoJSON, CSV, the CLI's JSON).</summary>
public static class WireNames
{
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
