using Microsoft.Extensions.Logging;
using Npgsql;

namespace GeoSituation.Postgis.Database;

/// <summary>Builds the one <see cref="NpgsqlDataSource"/> the application shares, with PostGIS geometries mapped to NTS.</summary>
public static class GeoDataSource
{
    public static NpgsqlDataSource Create(string connectionString, ILoggerFactory? loggerFactory = null)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        // Times in GeoJSON and tiles are rendered by PostgreSQL: make them UTC whatever the server's default.
        builder.ConnectionStringBuilder.Timezone ??= "UTC";
        builder.UseNetTopologySuite();
        if (loggerFactory is not null) builder.UseLoggerFactory(loggerFactory);
        return builder.Build();
    }
}
