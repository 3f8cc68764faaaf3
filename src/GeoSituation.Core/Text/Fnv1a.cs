using System.Text;

namespace GeoSituation.Core.Text;

/// <summary>FNV-1a, 64 bits, of a string's UTF-8 bytes: a fixed, portable hash for ids and splits that must be the
/// same on every run and machine (unlike <see cref="string.GetHashCode()"/>).</summary>
public static class Fnv1a
{
    public static ulong Hash64(string text)
    {
        var hash = 0xcbf29ce484222325UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 0x100000001b3UL;
        }
        return hash;
    }
}
