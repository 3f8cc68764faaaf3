namespace GeoSituation.Core.Gazetteer;

/// <summary>The <c>type</c> column of a sites file: what sort of place a humanitarian or imported row is.</summary>
public enum SiteType
{
    /// <summary>A refugee or IDP camp or site (GeoNames CMPRF).</summary>
    Camp,
    /// <summary>A neighbourhood or section of a town (PPLX).</summary>
    Neighbourhood,
    /// <summary>A village or town (PPL).</summary>
    Locality,
    Admin1,
    Admin2,
    Admin3,
    /// <summary>A named area that is not an administrative unit (RGN).</summary>
    Region,
}

/// <summary>Parsing and meaning of <see cref="SiteType"/> values.</summary>
public static class SiteTypes
{
    public static bool TryParse(string text, out SiteType type)
    {
        (var ok, type) = text.Trim().ToLowerInvariant() switch
        {
            "camp" => (true, SiteType.Camp),
            "neighbourhood" or "neighborhood" => (true, SiteType.Neighbourhood),
            "locality" => (true, SiteType.Locality),
            "admin1" => (true, SiteType.Admin1),
            "admin2" => (true, SiteType.Admin2),
            "admin3" => (true, SiteType.Admin3),
            "region" => (true, SiteType.Region),
            _ => (false, SiteType.Locality),
        };
        return ok;
    }

    public static string Text(SiteType type) => type switch
    {
        SiteType.Camp => "camp",
        SiteType.Neighbourhood => "neighbourhood",
        SiteType.Locality => "locality",
        SiteType.Admin1 => "admin1",
        SiteType.Admin2 => "admin2",
        SiteType.Admin3 => "admin3",
        _ => "region",
    };

    public static (PlaceKind Kind, string FeatureCode) Classify(SiteType type) => type switch
    {
        SiteType.Camp => (PlaceKind.City, "CMPRF"),
        SiteType.Neighbourhood => (PlaceKind.City, "PPLX"),
        SiteType.Locality => (PlaceKind.City, "PPL"),
        SiteType.Admin1 => (PlaceKind.AdminArea, "ADM1"),
        SiteType.Admin2 => (PlaceKind.AdminArea, "ADM2"),
        SiteType.Admin3 => (PlaceKind.AdminArea, "ADM3"),
        _ => (PlaceKind.Region, "RGN"),
    };

    public const string Names = "camp, neighbourhood, locality, admin1, admin2, admin3, region";
}
