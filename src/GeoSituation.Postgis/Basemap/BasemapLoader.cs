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
            foreach (var entry in entries)
            {
                if (entry.Boundary is not { IsEmpty: false } boundary || entry.Kind == PlaceKind.City) continue;
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
                boundaries++;
            }
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
