namespace GeoSituation.Core.Gazetteer;

/// <summary>What sort of place a gazetteer entry is; drives resolution priors and map styling.</summary>
public enum PlaceKind
{
    /// <summary>A populated place (GeoNames feature class P).</summary>
    City,
    /// <summary>An administrative area below country level (e.g. a Gaza governorate).</summary>
    AdminArea,
    /// <summary>A named region that is not an administrative unit (Gaza Strip, West Bank, Sinai).</summary>
    Region,
    /// <summary>A sovereign state or territory with an ISO 3166-1 code.</summary>
    Country,
}
