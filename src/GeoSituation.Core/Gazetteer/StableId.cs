using GeoSituation.Core.Text;

namespace GeoSituation.Core.Gazetteer;

/// <summary>Stable negative ids for entries without a GeoNames id (geodata/README.md, "Ids").</summary>
/// <remarks>Same function as <c>stableId</c> in geodata/build/build.js: -(FNV-1a-64(UTF-8 key) mod 2^40 + 1).</remarks>
internal static class StableId
{
    public static long Of(string key) => -(long)((Fnv1a.Hash64(key) & 0xffffffffffUL) + 1);
}
