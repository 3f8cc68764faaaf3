using GeoSituation.Postgis.Database;
using Npgsql;

namespace GeoSituation.Postgis.Tiles;

/// <summary>Makes Mapbox Vector Tiles with PostGIS (ST_AsMVT); z/x/y and filters are bound parameters.</summary>
public sealed class TileStore(NpgsqlDataSource dataSource)
{
    /// <summary>The most mentioned town or district (TileJSON center), or null before anything is ingested.</summary>
    public async Task<(double Lon, double Lat)?> CenterAsync(CancellationToken cancellationToken = default)
    {
        await using var command = SqlScripts.Get("Queries/Tiles/center.sql").Command(dataSource);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetDouble(0), reader.GetDouble(1)) : null;
    }

    /// <summary>The tile's bytes (possibly empty: a valid tile with no features). Coordinates must be valid (<see cref="TileCatalogue.IsValidTile"/>).</summary>
    /// <param name="filters">Property equality filters of a data source as a JSON object (<c>{"event_type":"battle"}</c>), or null.</param>
    public async Task<byte[]> GetTileAsync(TileSourceInfo source, int z, int x, int y, DateTimeOffset? start = null, DateTimeOffset? end = null, string? filters = null, CancellationToken cancellationToken = default)
    {
        if (!TileCatalogue.IsValidTile(z, x, y)) throw new ArgumentOutOfRangeException(nameof(z), "Tile coordinates outside the grid.");
        await using var command = SqlScripts.Get(source.Script).Command(dataSource);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = z });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = x });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = y });
        if (source.TimeFiltered)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = start is { } s ? s.UtcDateTime : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter { Value = end is { } e ? e.UtcDateTime : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)filters ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Jsonb });
        }
        else
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = TileCatalogue.LabelMinPopulation(z) });
        }
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result as byte[] ?? [];
    }
}
