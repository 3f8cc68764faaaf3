using NetTopologySuite.Geometries;

namespace GeoSituation.Core.Gazetteer;

/// <summary>One place the geoparser can resolve a toponym to.</summary>
/// <remarks>
/// <see cref="Id"/> is the GeoNames id for populated places. Countries and hand-kept regions
/// have no GeoNames id in our sources and use stable negative ids (see geodata/README.md).
/// Coordinates are WGS 84 (EPSG:4326), longitude/latitude.
/// </remarks>
public sealed record GazetteerEntry
{
    public required long Id { get; init; }
    public required string Name { get; init; }
    public required PlaceKind Kind { get; init; }
    public required double Latitude { get; init; }
    public required double Longitude { get; init; }
    /// <summary>ISO 3166-1 alpha-2 country code, upper case; empty for regions spanning countries.</summary>
    public string CountryCode { get; init; } = "";
    /// <summary>GeoNames feature code (PPLC, PPLA, PPL, ADM1, PCLI, RGN...).</summary>
    public string FeatureCode { get; init; } = "";
    public string Admin1Name { get; init; } = "";
    public string Admin2Name { get; init; } = "";
    /// <summary>GeoNames admin1 code within the country ("OH" for Ohio, "GZ" for the Gaza Strip); empty when unknown.</summary>
    public string Admin1Code { get; init; } = "";
    /// <summary>GeoNames admin2 code within admin1; empty when unknown.</summary>
    public string Admin2Code { get; init; } = "";
    public long Population { get; init; }
    /// <summary>Humanitarian P-code (e.g. PS0275 for Rafah governorate) where one exists.</summary>
    public string? PCode { get; init; }
    /// <summary>ISO 3166-2 subdivision code where one exists.</summary>
    public string? Iso3166_2 { get; init; }
    private Geometry? boundary;
    private byte[]? boundaryWkb;

    /// <summary>Polygon for countries, regions and admin areas (SRID 4326); null for points.</summary>
    /// <remarks>Read from the binary cache on first use: most processes never draw a country outline.</remarks>
    public Geometry? Boundary
    {
        get
        {
            if (boundary is null && boundaryWkb is not null)
            {
                var parsed = new NetTopologySuite.IO.WKBReader().Read(boundaryWkb);
                parsed.SRID = 4326;
                boundary = parsed;
            }
            return boundary;
        }
        init => boundary = value;
    }

    /// <summary>The boundary as WKB, parsed lazily into <see cref="Boundary"/>.</summary>
    internal byte[]? BoundaryWkb
    {
        init => boundaryWkb = value;
    }
    /// <summary>True when <see cref="Boundary"/> was derived, not surveyed (the Gaza governorates).</summary>
    public bool BoundaryApproximate { get; init; }
    private IReadOnlyList<string>? alternateNames;
    private string? packedAlternateNames;

    /// <summary>Other names of the place (Latin, Arabic and Hebrew script).</summary>
    /// <remarks>Unpacked from the binary cache on first use: the name index already holds them for lookups.</remarks>
    public IReadOnlyList<string> AlternateNames
    {
        get => alternateNames ??= packedAlternateNames is null or "" ? [] : packedAlternateNames.Split(AlternateNameSeparator);
        init => alternateNames = value;
    }

    private int alternateNameCount = -1;

    /// <summary>How many other names the place has: how widely it is known (a resolution prior), counted without
    /// unpacking them.</summary>
    internal int AlternateNameCount
    {
        get
        {
            if (alternateNameCount >= 0) return alternateNameCount;
            var count = alternateNames?.Count ?? (packedAlternateNames is null or "" ? 0 : packedAlternateNames.AsSpan().Count(AlternateNameSeparator) + 1);
            return alternateNameCount = count;
        }
    }

    /// <summary>The alternate names joined by <see cref="AlternateNameSeparator"/>, split lazily.</summary>
    internal string? PackedAlternateNames
    {
        init => packedAlternateNames = value;
    }

    internal const char AlternateNameSeparator = '\u001F';
}
