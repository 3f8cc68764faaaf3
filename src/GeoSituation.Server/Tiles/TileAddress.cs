using GeoSituation.Postgis.Tiles;

namespace GeoSituation.Server.Tiles;

/// <summary>
/// z/x/y of a tile of the Web Mercator XYZ grid, read one way by every tile route (vector, PNG, and the cache-hit
/// shortcut that runs before routing): if two parsers disagreed, the shortcut could serve a tile the endpoint refuses.
/// </summary>
internal readonly record struct TileAddress(int Z, int X, int Y)
{
    /// <summary>What a 400 says about coordinates.</summary>
    public static readonly string Rule = $"z must be 0..{TileCatalogue.MaxZoom} and x, y integers in 0..2^z-1";

    private static readonly string[] VectorSuffixes = [".mvt", ".pbf"];

    /// <summary>Decimal digits only (no sign, no spaces); with <paramref name="vectorSuffix"/>, y may end in .mvt or .pbf.</summary>
    public static bool TryParse(ReadOnlySpan<char> z, ReadOnlySpan<char> x, ReadOnlySpan<char> y, bool vectorSuffix, out TileAddress address)
    {
        address = default;
        if (vectorSuffix)
        {
            foreach (var suffix in VectorSuffixes)
            {
                if (y.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) { y = y[..^suffix.Length]; break; }
            }
        }
        // 2^22 - 1 has 7 digits: longer numbers are out of the grid and must not overflow.
        if (!TryDigits(z, 2, out var zoom) || !TryDigits(x, 7, out var column) || !TryDigits(y, 7, out var row)
            || !TileCatalogue.IsValidTile(zoom, column, row))
        {
            return false;
        }
        address = new TileAddress(zoom, column, row);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, int maxLength, out int value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > maxLength) return false;
        foreach (var c in text)
        {
            if (c is < '0' or > '9') return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
