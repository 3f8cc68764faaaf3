namespace GeoSituation.Postgis.Embedded;

/// <summary>Where and how to run a private PostgreSQL + PostGIS cluster.</summary>
public sealed record EmbeddedPostgresOptions
{
    /// <summary>The folder that holds the cluster (pg/), its socket (pg-run/) and its log.</summary>
    public required string DataFolder { get; init; }

    /// <summary>The database created in the cluster for GeoSituation.</summary>
    public string Database { get; init; } = "geosituation";

    /// <summary>PostgreSQL's binaries; GEOSITUATION_PG_BIN overrides the Debian location.</summary>
    public string BinFolder { get; init; } =
        Environment.GetEnvironmentVariable("GEOSITUATION_PG_BIN") is { Length: > 0 } bin ? bin : "/usr/lib/postgresql/15/bin";

    /// <summary>
    /// False trades crash safety for speed (fsync off): only for throw-away test clusters.
    /// The real server keeps PostgreSQL's promise that an acknowledged write survives a crash.
    /// </summary>
    public bool Durable { get; init; } = true;

    /// <summary>How long to wait for the cluster to accept connections.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
