using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using GeoSituation.Postgis.Database;

namespace GeoSituation.Postgis.Migrations;

/// <summary>Applies the embedded Migrations/*.sql scripts in name order, each once, recorded in schema_migrations.</summary>
/// <remarks>
/// A transaction-level advisory lock serialises processes that start at the same moment (the server and an
/// `ingest`, two test fixtures): the second waits, then finds the scripts applied and does nothing.
/// </remarks>
public static class Migrator
{
    // Any constant unique to this application; "GEOSITUA" in ASCII.
    private const long AdvisoryLockKey = 0x47454F5349545541;

    /// <summary>Applies pending migrations; returns the names of those applied now.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(NpgsqlDataSource dataSource, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        logger ??= NullLogger.Instance;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction) { Parameters = { new() { Value = AdvisoryLockKey } } })
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var create = SqlScripts.Get("Queries/Migrations/create_table.sql").Command(connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using (var list = new NpgsqlCommand("SELECT name FROM schema_migrations", connection, transaction))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) applied.Add(reader.GetString(0));
        }
        var appliedNow = new List<string>();
        foreach (var name in SqlScripts.List("Migrations"))
        {
            if (applied.Contains(name)) continue;
            logger.LogInformation("Applying migration {Migration}", name);
            await using (var script = SqlScripts.Get("Migrations/" + name).Command(connection, transaction))
            {
                await script.ExecuteNonQueryAsync(cancellationToken);
            }
            await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (name) VALUES ($1)", connection, transaction) { Parameters = { new() { Value = name } } })
            {
                await record.ExecuteNonQueryAsync(cancellationToken);
            }
            appliedNow.Add(name);
        }
        await transaction.CommitAsync(cancellationToken);
        // New tables and types (geometry columns) must be visible to pooled connections' type caches.
        if (appliedNow.Count > 0) await connection.ReloadTypesAsync(cancellationToken);
        return appliedNow;
    }
}
