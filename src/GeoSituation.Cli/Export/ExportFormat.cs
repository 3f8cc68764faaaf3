namespace GeoSituation.Cli.Export;

/// <summary>The file formats `geosituation export` writes.</summary>
internal enum ExportFormat
{
    /// <summary>One GeoJSON FeatureCollection (RFC 7946).</summary>
    GeoJson,

    /// <summary>GeoJSON Text Sequence (RFC 8142): each feature after an RS character, one a line; streams and appends.</summary>
    GeoJsonSeq,

    /// <summary>CSV with an HXL hashtag row.</summary>
    Csv,

    /// <summary>OGC GeoPackage (SQLite), one table named after the collection.</summary>
    Gpkg,
}
