namespace GeoSituation.Server.Hosting;

/// <summary>Where the server keeps its data and finds its inputs; from configuration (environment variables, command line).</summary>
/// <remarks>
/// GEOSITUATION_DB: a connection string to an existing PostGIS database; when unset the server runs its own cluster.
/// GEOSITUATION_DATA: the data folder (embedded cluster, generated API key); default .data/ in the repository.
/// GEOSITUATION_SEEDS: articles ingested at first start; default seeds/ in the repository ("none" to skip).
/// GEOSITUATION_API_KEY: the key writes need; when unset one is generated into the data folder.
/// GEOSITUATION_GAZETTEER: the user gazetteer folder (`geosituation gazetteer import`); default gazetteer/ in the data folder.
/// </remarks>
public sealed record ServerSettings
{
    public string? ConnectionString { get; init; }
    public required string DataFolder { get; init; }
    public string? SeedsFolder { get; init; }
    /// <summary>The planner's gazetteer imports, merged into the gazetteer at start (docs/gazetteer-import.md).</summary>
    public string? GazetteerFolder { get; init; }
    public string? ApiKey { get; init; }
    /// <summary>Largest accepted article body in bytes (413 above).</summary>
    public long MaxArticleBytes { get; init; } = 1024 * 1024;

    public static ServerSettings From(IConfiguration configuration)
    {
        var repository = RepositoryRoot.Find();
        var dataFolder = NonEmpty(configuration["GEOSITUATION_DATA"]) ?? Path.Combine(repository ?? Directory.GetCurrentDirectory(), ".data");
        var seeds = NonEmpty(configuration["GEOSITUATION_SEEDS"]) ?? (repository is null ? null : Path.Combine(repository, "seeds"));
        if (string.Equals(seeds, "none", StringComparison.OrdinalIgnoreCase)) seeds = null;
        // Settings given explicitly are checked now, with a message naming the setting, rather than ignored later.
        if (NonEmpty(configuration["GEOSITUATION_SEEDS"]) is not null && seeds is not null && !Directory.Exists(seeds))
        {
            throw new InvalidOperationException($"GEOSITUATION_SEEDS: no folder '{seeds}' (use 'none' to start without seeds).");
        }
        var maxText = NonEmpty(configuration["GEOSITUATION_MAX_ARTICLE_BYTES"]);
        var maxBytes = 1024L * 1024;
        if (maxText is not null && (!long.TryParse(maxText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out maxBytes) || maxBytes <= 0))
        {
            throw new InvalidOperationException("GEOSITUATION_MAX_ARTICLE_BYTES must be a positive whole number of bytes.");
        }
        return new ServerSettings
        {
            ConnectionString = NonEmpty(configuration["GEOSITUATION_DB"]),
            DataFolder = Path.GetFullPath(dataFolder),
            SeedsFolder = seeds is null ? null : Path.GetFullPath(seeds),
            GazetteerFolder = Path.GetFullPath(NonEmpty(configuration[Core.Gazetteer.UserGazetteer.EnvironmentVariable]) ?? Path.Combine(dataFolder, "gazetteer")),
            ApiKey = NonEmpty(configuration["GEOSITUATION_API_KEY"]),
            MaxArticleBytes = maxBytes,
        };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
