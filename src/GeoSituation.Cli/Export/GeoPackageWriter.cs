using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using GeoSituation.Postgis.Features;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Converters;

namespace GeoSituation.Cli.Export;

/// <summary>
/// Writes one collection into a new OGC GeoPackage 1.2 file: the required metadata tables, one feature table (or an
/// attributes table for collections without geometry) and the geometries in GeoPackage binary through NTS.
/// </summary>
internal sealed class GeoPackageWriter : IAsyncDisposable
{
    // 'GPKG' in ASCII and GeoPackage 1.2.0, as the specification asks in the SQLite header.
    private const int ApplicationId = 0x47504B47;
    private const int UserVersion = 10200;
    private const int Wgs84 = 4326;

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    private readonly SqliteConnection connection;
    private readonly SqliteTransaction transaction;
    private readonly SqliteCommand insert;
    private readonly FeatureCollectionInfo collection;
    private readonly GeoPackageGeoWriter geometryWriter = new();
    private Envelope extent = new();

    private GeoPackageWriter(SqliteConnection connection, SqliteTransaction transaction, SqliteCommand insert, FeatureCollectionInfo collection)
    {
        this.connection = connection;
        this.transaction = transaction;
        this.insert = insert;
        this.collection = collection;
    }

    [SuppressMessage("Security", "CA2100", Justification = "Table and column names come from the fixed feature catalogue, quoted; values are bound parameters.")]
    public static async Task<GeoPackageWriter> CreateAsync(string path, FeatureCollectionInfo collection, CancellationToken cancellationToken)
    {
        if (File.Exists(path)) File.Delete(path);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, $"PRAGMA application_id = {ApplicationId}; PRAGMA user_version = {UserVersion};", cancellationToken);
        var transaction = connection.BeginTransaction();
        await ExecuteAsync(connection, transaction, Schema, cancellationToken);

        // The table name comes from the fixed catalogue; quoted all the same.
        var table = Quote(collection.Id);
        var columns = collection.Properties.Select(p => $"{Quote(p.Name)} {SqliteType(p.Type)}");
        var geometry = collection.GeometryType is null ? "" : "geom BLOB, ";
        await ExecuteAsync(connection, transaction,
            $"CREATE TABLE {table} (fid INTEGER PRIMARY KEY, {geometry}{string.Join(", ", columns)})", cancellationToken);

        var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        var names = new List<string> { "fid" };
        if (collection.GeometryType is not null) names.Add("geom");
        names.AddRange(collection.Properties.Select(p => p.Name));
        insert.CommandText = $"INSERT INTO {table} ({string.Join(", ", names.Select(Quote))}) VALUES ({string.Join(", ", names.Select((_, i) => "$p" + i))})";
        for (var i = 0; i < names.Count; i++) insert.Parameters.Add(new SqliteParameter("$p" + i, DBNull.Value));
        return new GeoPackageWriter(connection, transaction, insert, collection);
    }

    public async Task WriteAsync(FeatureRow row, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(row.Json);
        var feature = document.RootElement;
        var index = 0;
        insert.Parameters[index++].Value = row.Fid;
        if (collection.GeometryType is not null)
        {
            var geometry = feature.TryGetProperty("geometry", out var g) && g.ValueKind == JsonValueKind.Object
                ? g.Deserialize<Geometry>(GeoJson)
                : null;
            if (geometry is not null)
            {
                geometry.SRID = Wgs84;
                extent.ExpandToInclude(geometry.EnvelopeInternal);
            }
            insert.Parameters[index++].Value = geometry is null ? DBNull.Value : geometryWriter.Write(geometry);
        }
        var properties = feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        foreach (var property in collection.Properties)
        {
            insert.Parameters[index++].Value = properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var value)
                ? Value(value)
                : DBNull.Value;
        }
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Registers the table in gpkg_contents (with its extent) and gpkg_geometry_columns, then commits.</summary>
    public async Task CompleteAsync(string description, CancellationToken cancellationToken)
    {
        await using var contents = connection.CreateCommand();
        contents.Transaction = transaction;
        var isFeatures = collection.GeometryType is not null;
        contents.CommandText =
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id) " +
            "VALUES ($name, $type, $name, $description, strftime('%Y-%m-%dT%H:%M:%fZ','now'), $minx, $miny, $maxx, $maxy, $srs)";
        contents.Parameters.AddWithValue("$name", collection.Id);
        contents.Parameters.AddWithValue("$type", isFeatures ? "features" : "attributes");
        contents.Parameters.AddWithValue("$description", description);
        var hasExtent = isFeatures && !extent.IsNull;
        contents.Parameters.AddWithValue("$minx", hasExtent ? extent.MinX : DBNull.Value);
        contents.Parameters.AddWithValue("$miny", hasExtent ? extent.MinY : DBNull.Value);
        contents.Parameters.AddWithValue("$maxx", hasExtent ? extent.MaxX : DBNull.Value);
        contents.Parameters.AddWithValue("$maxy", hasExtent ? extent.MaxY : DBNull.Value);
        contents.Parameters.AddWithValue("$srs", isFeatures ? Wgs84 : 0);
        await contents.ExecuteNonQueryAsync(cancellationToken);
        if (isFeatures)
        {
            await using var geometryColumns = connection.CreateCommand();
            geometryColumns.Transaction = transaction;
            geometryColumns.CommandText = "INSERT INTO gpkg_geometry_columns VALUES ($name, 'geom', $type, $srs, 0, 0)";
            geometryColumns.Parameters.AddWithValue("$name", collection.Id);
            geometryColumns.Parameters.AddWithValue("$type", collection.GeometryType!.ToUpperInvariant());
            geometryColumns.Parameters.AddWithValue("$srs", Wgs84);
            await geometryColumns.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await insert.DisposeAsync();
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }

    private static object Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => DBNull.Value,
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number when value.TryGetInt64(out var integer) => integer,
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.True => 1,
        JsonValueKind.False => 0,
        _ => value.GetRawText(),
    };

    private static string SqliteType(string type) => type switch
    {
        "integer" => "INTEGER",
        "number" => "REAL",
        _ => "TEXT",
    };

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    [SuppressMessage("Security", "CA2100", Justification = "Table and column names come from the fixed feature catalogue, quoted; values are bound parameters.")]
    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // The tables every GeoPackage carries (OGC 12-128r18, sections 1.1.2-1.1.3 and 2.1.5), with the three
    // spatial reference systems the specification requires.
    private const string Schema = """
        CREATE TABLE gpkg_spatial_ref_sys (
          srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
          organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
        CREATE TABLE gpkg_contents (
          table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '',
          last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
          min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
          CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
        CREATE TABLE gpkg_geometry_columns (
          table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL,
          z TINYINT NOT NULL, m TINYINT NOT NULL,
          CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
          CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
          CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
        INSERT INTO gpkg_spatial_ref_sys VALUES
          ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
          ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
          ('WGS 84 geodetic', 4326, 'EPSG', 4326,
           'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]',
           'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
        """;
}
