using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Features;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.IO.Esri;

namespace GeoSituation.Cli.GazetteerImport;

/// <summary>Reads the features of an admin-boundary file: GeoJSON, GeoPackage or Esri shapefile, in WGS 84.</summary>
/// <remarks>
/// OCHA publishes COD-AB in all three, in EPSG:4326. A file in another CRS is refused with the ogr2ogr line that
/// converts it, rather than read with coordinates that would land in the wrong place.
/// </remarks>
internal static class BoundaryFileReader
{
    public static List<SourceFeature> Read(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".geojson" or ".json" => ReadGeoJson(path),
        ".gpkg" => ReadGeoPackage(path),
        ".shp" => ReadShapefile(path),
        var other => throw new InvalidDataException($"{path}: unknown boundary format '{other}' (GeoJSON .geojson/.json, GeoPackage .gpkg, shapefile .shp; site lists .csv)"),
    };

    private static string Reproject(string path) => $"convert it first: ogr2ogr -t_srs EPSG:4326 out.gpkg '{path}'";

    private static List<SourceFeature> ReadGeoJson(string path)
    {
        var options = new JsonSerializerOptions { Converters = { new GeoJsonConverterFactory() } };
        FeatureCollection? collection;
        try
        {
            using var stream = File.OpenRead(path);
            collection = JsonSerializer.Deserialize<FeatureCollection>(stream, options);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            throw new InvalidDataException($"{path}: not a GeoJSON FeatureCollection ({e.Message})", e);
        }
        if (collection is null) throw new InvalidDataException($"{path}: empty GeoJSON");
        return [.. collection.Select((f, i) => new SourceFeature(i + 1, Attributes(f.Attributes), f.Geometry))];
    }

    private static List<SourceFeature> ReadShapefile(string path)
    {
        var prj = Path.ChangeExtension(path, ".prj");
        if (File.Exists(prj) && !IsWgs84Wkt(File.ReadAllText(prj)))
            throw new InvalidDataException($"{path}: its .prj is not WGS 84 longitude/latitude; {Reproject(path)}");
        try
        {
            return [.. Shapefile.ReadAllFeatures(path).Select((f, i) => new SourceFeature(i + 1, Attributes(f.Attributes), f.Geometry))];
        }
        catch (Exception e) when (e is FileNotFoundException or ArgumentException or InvalidOperationException or NotSupportedException or EndOfStreamException or ShapefileException)
        {
            throw new InvalidDataException($"{path}: not a readable shapefile ({e.Message})", e);
        }
    }

    private static bool IsWgs84Wkt(string wkt) =>
        wkt.StartsWith("GEOGCS", StringComparison.OrdinalIgnoreCase) && (wkt.Contains("WGS_1984", StringComparison.OrdinalIgnoreCase) || wkt.Contains("WGS 84", StringComparison.OrdinalIgnoreCase));

    [SuppressMessage("Security", "CA2100", Justification = "The table name comes from the file's own gpkg_contents catalogue, quoted as an identifier; no values are in the SQL.")]
    private static List<SourceFeature> ReadGeoPackage(string path)
    {
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            string table, column;
            long srs;
            using (var find = connection.CreateCommand())
            {
                find.CommandText = "SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name WHERE c.data_type = 'features' ORDER BY c.table_name";
                using var reader = find.ExecuteReader();
                if (!reader.Read()) throw new InvalidDataException($"{path}: no feature table in this GeoPackage");
                (table, column, srs) = (reader.GetString(0), reader.GetString(1), reader.GetInt64(2));
                if (reader.Read()) throw new InvalidDataException($"{path}: several feature tables; export the one level to import with ogr2ogr first");
            }
            using (var crs = connection.CreateCommand())
            {
                crs.CommandText = "SELECT organization, organization_coordsys_id FROM gpkg_spatial_ref_sys WHERE srs_id = $srs";
                crs.Parameters.AddWithValue("$srs", srs);
                using var reader = crs.ExecuteReader();
                if (!reader.Read() || !string.Equals(reader.GetString(0), "EPSG", StringComparison.OrdinalIgnoreCase) || reader.GetInt64(1) != 4326)
                    throw new InvalidDataException($"{path}: table '{table}' is not in EPSG:4326; {Reproject(path)}");
            }
            var geometryReader = new GeoPackageGeoReader();
            var features = new List<SourceFeature>();
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            using var rows = select.ExecuteReader();
            while (rows.Read())
            {
                var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
                NetTopologySuite.Geometries.Geometry? geometry = null;
                for (var i = 0; i < rows.FieldCount; i++)
                {
                    if (rows.IsDBNull(i)) continue;
                    if (rows.GetName(i) == column) geometry = geometryReader.Read((byte[])rows.GetValue(i));
                    else attributes[rows.GetName(i)] = Convert.ToString(rows.GetValue(i), CultureInfo.InvariantCulture) ?? "";
                }
                features.Add(new SourceFeature(features.Count + 1, attributes, geometry));
            }
            return features;
        }
        catch (SqliteException e)
        {
            throw new InvalidDataException($"{path}: not a readable GeoPackage ({e.Message})", e);
        }
    }

    private static Dictionary<string, string> Attributes(IAttributesTable? table)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (table is null) return result;
        foreach (var name in table.GetNames())
        {
            var value = table[name];
            var text = value switch
            {
                null => null,
                JsonElement { ValueKind: JsonValueKind.Null } => null,
                JsonElement e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText(),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            };
            if (text is not null) result[name] = text.Trim();
        }
        return result;
    }
}
