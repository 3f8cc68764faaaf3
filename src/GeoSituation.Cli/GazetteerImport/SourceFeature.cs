using NetTopologySuite.Geometries;

namespace GeoSituation.Cli.GazetteerImport;

/// <summary>One feature of a boundary file: its attributes as text (field names as written) and its geometry.</summary>
/// <param name="Number">Position in the file, from 1, for error messages.</param>
internal sealed record SourceFeature(int Number, IReadOnlyDictionary<string, string> Attributes, Geometry? Geometry);
