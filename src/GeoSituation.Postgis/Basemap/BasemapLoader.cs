using GeoSituation.Core.Gazetteer;
using GeoSituation.Postgis.Database;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace GeoSituation.Postgis.Basemap;

/// <summary>Fills the basemap tables (boundaries, populated_places) from the gazetteer when they are empty.</summary>
/// <remarks>Binary COPY: the ~100k populated places and the Natural Earth polygons load in a few seconds.</remarks>
public static class BasemapLoader
{
    // Distinct from the migration lock; "BASEMAP" in ASCII.
    private const long AdvisoryLockKey = 0x42415345_4D4150;

    /// <summary>Loads the basemap unless it is already there; returns how many rows were loaded (0 when it was there).</summary>
    public static async Task<int> LoadIfEmptyAsync(NpgsqlDataSource dataSource, IReadOnlyList<GazetteerEntry> entries, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        logger ??= NullLogger.Instance;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction) { Parameters = { new NpgsqlParameter<long> { TypedValue = AdvisoryLockKey } } })
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var check = SqlScripts.Get("Queries/Basemap/is_loaded.sql").Command(connection, transaction))
        {
            if (await check.ExecuteScalarAsync(cancellationToken) is true) return 0;
        }

        var boundaries = 0;
        var places = 0;
        await using (var importer = await connection.BeginBinaryImportAsync(SqlScripts.Get("Queries/Basemap/copy_boundaries.sql").Text, cancellationToken))
        {
            boundaries = await WriteBoundariesAsync(importer, entries.Where(e => e.Kind != PlaceKind.City), cancellationToken);
            await importer.CompleteAsync(cancellationToken);
        }
        await using (var importer = await connection.BeginBinaryImportAsync(SqlScripts.Get("Queries/Basemap/copy_populated_places.sql").Text, cancellationToken))
        {
            foreach (var entry in entries)
            {
                if (entry.Kind != PlaceKind.City) continue;
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(entry.Id, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(entry.Name, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(entry.CountryCode, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(entry.FeatureCode, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(entry.Population, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync((Geometry)new Point(entry.Longitude, entry.Latitude) { SRID = 4326 }, NpgsqlDbType.Geometry, cancellationToken);
                places++;
            }
            await importer.CompleteAsync(cancellationToken);
        }
        await using (var project = SqlScripts.Get("Queries/Basemap/project.sql").Command(connection, transaction))
        {
            project.CommandTimeout = 600;
            await project.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Basemap loaded: {Boundaries} boundaries, {Places} populated places", boundaries, places);
        return boundaries + places;
    }

    /// <summary>
    /// Brings the region and admin-area outlines of an already loaded basemap up to date with the gazetteer: what
    /// geodata/humanitarian/ and the user's imports (`geosituation gazetteer import`) added or changed since the first
    /// start, so that their polygons are drawn and the displacement summary's area_km2 and density use them.
    /// </summary>
    /// <remarks>A few hundred to a few thousand polygons go over COPY and only changed ones are written: cheap at every start.</remarks>
    /// <returns>How many outlines were written and how many dropped.</returns>
    public static async Task<(int Written, int Dropped)> SyncAreasAsync(NpgsqlDataSource dataSource, IReadOnlyList<GazetteerEntry> entries, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        logger ??= NullLogger.Instance;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction) { Parameters = { new NpgsqlParameter<long> { TypedValue = AdvisoryLockKey } } })
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var create = SqlScripts.Get("Queries/Basemap/create_incoming_boundaries.sql").Command(connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var importer = await connection.BeginBinaryImportAsync(SqlScripts.Get("Queries/Basemap/copy_incoming_boundaries.sql").Text, cancellationToken))
        {
            await WriteBoundariesAsync(importer, entries.Where(e => e.Kind is PlaceKind.Region or PlaceKind.AdminArea), cancellationToken);
            await importer.CompleteAsync(cancellationToken);
        }
        int written, dropped;
        await using (var sync = SqlScripts.Get("Queries/Basemap/sync_boundaries.sql").Command(connection, transaction))
        await using (var reader = await sync.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (written, dropped) = (reader.GetInt32(0), reader.GetInt32(1));
        }
        if (written > 0)
        {
            await using var project = SqlScripts.Get("Queries/Basemap/project_missing.sql").Command(connection, transaction);
            project.CommandTimeout = 600;
            await project.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        if (written + dropped > 0) logger.LogInformation("Basemap outlines synced with the gazetteer: {Written} written, {Dropped} dropped", written, dropped);
        return (written, dropped);
    }

    private static async Task<int> WriteBoundariesAsync(NpgsqlBinaryImporter importer, IEnumerable<GazetteerEntry> entries, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var entry in entries)
        {
            if (entry.Boundary is not { IsEmpty: false } boundary) continue;
            var multi = ToMultiPolygon(boundary);
            if (multi is null) continue;
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(entry.Id, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(entry.Name, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(BoundaryKind(entry.Kind), NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(entry.CountryCode, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(importer, entry.PCode, cancellationToken);
            await WriteNullableAsync(importer, entry.Iso3166_2, cancellationToken);
            await importer.WriteAsync(entry.BoundaryApproximate, NpgsqlDbType.Boolean, cancellationToken);
            await importer.WriteAsync((Geometry)multi, NpgsqlDbType.Geometry, cancellationToken);
            count++;
        }
        return count;
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken)
    {
        if (value is null) await importer.WriteNullAsync(cancellationToken);
        else await importer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
    }

    private static string BoundaryKind(PlaceKind kind) => kind switch
    {
        PlaceKind.Country => "country",
        PlaceKind.AdminArea => "admin",
        _ => "region",
    };

    private static MultiPolygon? ToMultiPolygon(Geometry geometry)
    {
        var polygons = new List<Polygon>();
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is Polygon polygon && !polygon.IsEmpty) polygons.Add(polygon);
        }
        if (polygons.Count == 0) return null;
        return new MultiPolygon(polygons.ToArray()) { SRID = 4326 };
    }
}
