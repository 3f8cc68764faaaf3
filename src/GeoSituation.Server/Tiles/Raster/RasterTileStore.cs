using System.Collections.Concurrent;
using System.Text.Json;
using GeoSituation.Postgis.Tiles;
using NetTopologySuite.IO;
using Npgsql;

namespace GeoSituation.Server.Tiles.Raster;

/// <summary>
/// Reads the features of one raster tile from PostGIS (Tiles/Raster/Sql/{source}.sql): the same tables, filters,
/// order and caps as the vector tiles, but with a margin wide enough for the largest symbol, so circles of
/// features just outside the tile are not cut at tile seams.
/// </summary>
internal static class RasterTileStore
{
    private static readonly ConcurrentDictionary<string, string> Scripts = new(StringComparer.Ordinal);

    private static string Script(string sourceId) => Scripts.GetOrAdd(sourceId, static id =>
    {
        // Ids come from the fixed tile catalogue, never from the request.
        var name = $"GeoSituation.Server.Tiles.Raster.Sql.{id}.sql";
        using var stream = typeof(RasterTileStore).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Raster tile script {name} is not embedded in the server assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static async Task<List<RasterFeature>> GetFeaturesAsync(NpgsqlDataSource dataSource, TileSourceInfo source, int z, int x, int y,
        DateTimeOffset? start, DateTimeOffset? end, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Script(source.Id));
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = z });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = x });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = y });
        if (source.TimeFiltered)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = start is { } s ? s.UtcDateTime : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter { Value = end is { } e ? e.UtcDateTime : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        }
        var features = new List<RasterFeature>();
        var wkb = new WKBReader();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            // ST_AsMVTGeom gives NULL for a feature that falls outside the clip box after snapping.
            if (reader.IsDBNull(0)) continue;
            var geometry = wkb.Read(reader.GetFieldValue<byte[]>(0));
            var properties = JsonDocument.Parse(reader.GetString(1)).RootElement.Clone();
            // The basemap holds several source layers; each data source is one layer of the same name.
            var sourceLayer = properties.TryGetProperty("layer", out var layer) ? layer.GetString() ?? source.Id : source.Id;
            features.Add(new RasterFeature(sourceLayer, geometry, properties));
        }
        return features;
    }
}
