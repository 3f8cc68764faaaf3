namespace GeoSituation.Server.Hosting;

/// <summary>Where the server keeps its data and finds its inputs; from configuration (environment variables, command line).</summary>
/// <remarks>
/// GEOSITUATION_DB: a connection string to an existing PostGIS database; when unset the server runs its own cluster.
/// GEOSITUATION_DATA: the data folder (embedded cluster, generated API key); default .data/ in the repository.
/// GEOSITUATION_SEEDS: articles ingested at first start; default seeds/ in the repository ("none" to skip).
/// GEOSITUATION_API_KEY: the key writes need; when unset one is generated into the data folder.
/// </remarks>
public sealed record ServerSettings
{
    public string? ConnectionString { get; init; }
    public required string DataFolder { get; init; }
    public string? SeedsFolder { get; init; }
    public string? ApiKey { get; init; }
    /// <summary>Largest accepted article body in bytes (413 above).</summary>
    public long MaxArticleBytes { get; init; } = 1024 * 1024;

    public static ServerSettings From(IConfiguration configuration)
    {
        var repository = RepositoryRoot.Find();
        var dataFolder = NonEmpty(configuration["GEOSITUATION_DATA"]) ?? Path.Combine(repository ?? Directory.GetCurrentDirectory(), ".data");
        var seeds = NonEmpty(configuration["GEOSITUATION_SEEDS"]) ?? (repository is null ? null : Path.Combine(repository, "seeds"));
        if (string.Equals(seeds, "none", StringComparison.OrdinalIgnoreCase)) seeds = null;
        return new ServerSettings
        {
            ConnectionString = NonEmpty(configuration["GEOSITUATION_DB"]),
            DataFolder = Path.GetFullPath(dataFolder),
            SeedsFolder = seeds is null ? null : Path.GetFullPath(seeds),
            ApiKey = NonEmpty(configuration["GEOSITUATION_API_KEY"]),
            MaxArticleBytes = long.TryParse(configuration["GEOSITUATION_MAX_ARTICLE_BYTES"], out var max) && max > 0 ? max : 1024 * 1024,
        };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
