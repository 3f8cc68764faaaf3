using System.Text.Json;
using NetTopologySuite.Geometries;

namespace GeoSituation.Server.Tiles.Raster;

/// <summary>A feature to draw: its geometry in tile units (4096 per tile side, y down) and the properties the style reads.</summary>
internal sealed record RasterFeature(string SourceLayer, Geometry Geometry, JsonElement Properties);
