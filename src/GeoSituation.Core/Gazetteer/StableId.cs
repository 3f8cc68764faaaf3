using System.Text;

namespace GeoSituation.Core.Gazetteer;

/// <summary>Stable negative ids for entries without a GeoNames id (geodata/README.md, "Ids").</summary>
/// <remarks>Same function as <c>stableId</c> in geodata/build/build.js: -(FNV-1a-64(UTF-8 key) mod 2^40 + 1).</remarks>
internal static class StableId
{
    public static long Of(string key)
    {
        var hash = 0xcbf29ce484222325UL;
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            hash ^= b;
            hash *= 0x100000001b3UL;
        }
        return -(long)((hash & 0xffffffffffUL) + 1);
    }
}
