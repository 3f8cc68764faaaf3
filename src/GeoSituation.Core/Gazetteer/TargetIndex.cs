using System.Globalization;

namespace GeoSituation.Core.Gazetteer;

/// <summary>Entry positions by the targets hand-kept files use: <c>geonames:ID</c>, <c>country:CC</c>,
/// <c>region:KEY</c> (governorates by P-code), <c>adm1:CC.A1</c>, <c>adm2:CC.A1.A2</c>.</summary>
internal sealed record TargetIndex(
    Dictionary<string, int> Countries,
    Dictionary<string, int> Regions,
    Dictionary<string, int> Admins,
    Dictionary<long, int> Places)
{
    /// <summary>The entry index, or null when the target names nothing we have (or is malformed).</summary>
    public int? Resolve(string target)
    {
        var colon = target.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) return null;
        var (kind, key) = (target[..colon], target[(colon + 1)..]);
        return kind switch
        {
            "geonames" => long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && Places.TryGetValue(id, out var p) ? p : null,
            "country" => Countries.TryGetValue(key, out var c) ? c : null,
            "region" => Regions.TryGetValue(key, out var r) ? r : null,
            "adm1" or "adm2" => Admins.TryGetValue(key, out var a) ? a : null,
            _ => null,
        };
    }
}
