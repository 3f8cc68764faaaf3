using System.Diagnostics.CodeAnalysis;

namespace GeoSituation.Core.Gazetteer;

/// <summary>The offline gazetteer: every place the geoparser can resolve to, indexed by name.</summary>
/// <remarks>Immutable after load and safe to share across threads. Built from geodata/ (see its README).</remarks>
public sealed class Gazetteer
{
    /// <summary>Environment variable that points at the geodata folder, overriding the search.</summary>
    public const string GeodataEnvironmentVariable = "GEOSITUATION_GEODATA";

    private readonly GazetteerEntry[] entries;
    private readonly Dictionary<long, int> byId;
    private readonly Dictionary<string, int> countryByCode;
    private readonly Dictionary<string, int> adminByCode;
    private readonly HashSet<string> stopKeys;
    private readonly IReadOnlyDictionary<string, WordClass> words;

    private Gazetteer(GazetteerData data, NameIndex index)
    {
        entries = [.. data.Entries];
        Index = index;
        byId = new Dictionary<long, int>(entries.Length);
        countryByCode = new Dictionary<string, int>(StringComparer.Ordinal);
        adminByCode = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Length; i++)
        {
            var e = entries[i];
            byId.TryAdd(e.Id, i);
            if (e.Kind == PlaceKind.Country) countryByCode[e.CountryCode] = i;
            else if (e.FeatureCode == "ADM1") adminByCode.TryAdd($"{e.CountryCode}.{e.Admin1Code}", i);
            else if (e.FeatureCode == "ADM2" && e.Admin2Code.Length > 0) adminByCode.TryAdd($"{e.CountryCode}.{e.Admin1Code}.{e.Admin2Code}", i);
        }
        words = data.Words;
        stopKeys = data.StopNames.Select(s => NameNormalizer.Normalize(s)).ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlyList<GazetteerEntry> Entries => entries;

    internal NameIndex Index { get; }

    /// <summary>The geodata folder this gazetteer was loaded from (null when built in memory): layers that sit beside
    /// it, such as the events' small places, come from the same folder.</summary>
    public string? GeodataDirectory { get; private init; }

    /// <summary>Loads geodata/, geodata/humanitarian/ and the user's imports through the binary cache, rebuilding it when stale.</summary>
    /// <param name="geodataDirectory">The repository's geodata/ (see <see cref="LocateGeodata"/>).</param>
    /// <param name="cacheDirectory">Folder of gazetteer.bin; default <see cref="UserGazetteer.CacheFolder"/>: the user folder's
    /// cache/ while it holds imports, else geodata/cache/.</param>
    /// <param name="userFolder">The user gazetteer folder (<see cref="UserGazetteer.Locate"/>); null for none.</param>
    /// <exception cref="InvalidDataException">A humanitarian or imported file is malformed; the message names file and line or feature.</exception>
    public static Gazetteer Load(string geodataDirectory, string? cacheDirectory = null, string? userFolder = null)
    {
        if (!File.Exists(Path.Combine(geodataDirectory, "places.tsv.gz")))
            throw new DirectoryNotFoundException($"No gazetteer files (places.tsv.gz) in '{geodataDirectory}'.");
        var cachePath = Path.Combine(cacheDirectory ?? UserGazetteer.CacheFolder(geodataDirectory, userFolder), "gazetteer.bin");
        var stamp = GazetteerCache.Stamp(geodataDirectory, userFolder);
        if (GazetteerCache.TryRead(cachePath, stamp) is { } cached) return new Gazetteer(cached.Data, cached.Index) { GeodataDirectory = geodataDirectory };
        var data = GeodataReader.Read(geodataDirectory, userFolder);
        var index = new NameIndex(data);
        GazetteerCache.TryWrite(cachePath, stamp, data, index);
        return new Gazetteer(data, index) { GeodataDirectory = geodataDirectory };
    }

    /// <summary>The geodata folder: $GEOSITUATION_GEODATA, else the nearest geodata/ above the running binary.</summary>
    public static string LocateGeodata()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(GeodataEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return Path.GetFullPath(fromEnvironment);
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "geodata");
                if (File.Exists(Path.Combine(candidate, "places.tsv.gz"))) return candidate;
            }
        }
        throw new DirectoryNotFoundException(
            $"Cannot find the geodata folder; set {GeodataEnvironmentVariable} to the repository's geodata/ directory.");
    }

    public GazetteerEntry? Get(long id) => byId.TryGetValue(id, out var i) ? entries[i] : null;

    /// <summary>The country entry for an ISO 3166-1 alpha-2 code.</summary>
    public bool TryGetCountry(string iso2, [NotNullWhen(true)] out GazetteerEntry? country)
    {
        country = countryByCode.TryGetValue(iso2, out var i) ? entries[i] : null;
        return country is not null;
    }

    internal int CountryIndex(string iso2) => countryByCode.GetValueOrDefault(iso2, -1);

    /// <summary>Index of the admin1 ("US.OH") or admin2 ("US.OH.049") area; -1 when unknown.</summary>
    internal int AdminIndex(string code) => adminByCode.GetValueOrDefault(code, -1);

    /// <summary>Every entry a name can mean, with how the name is attached (exact after normalisation).</summary>
    public IReadOnlyList<NameHit> Lookup(string name) => Index.Lookup(NameNormalizer.Normalize(name));

    /// <summary>True when the hand-kept stop-list says the name is never a place on its own.</summary>
    public bool IsStopName(string normalizedKey) => stopKeys.Contains(normalizedKey);

    /// <summary>What a lower-case English word is besides a place name (None when unknown).</summary>
    public WordClass WordClassOf(string lowerCaseWord) => words.GetValueOrDefault(lowerCaseWord);

    /// <summary>Places for a search box: names starting with the query, then close misspellings; biggest first.</summary>
    public IReadOnlyList<GazetteerEntry> Search(string query, int limit)
    {
        var key = NameNormalizer.Normalize(query.Trim());
        if (key.Length == 0 || limit <= 0) return [];
        var keys = Index.SortedKeys;
        var scored = new Dictionary<int, double>();
        void Consider(string k, double bonus)
        {
            foreach (var hit in Index.Lookup(k))
            {
                var score = bonus + Importance(entries[hit.Entry]) - (hit.Source == NameSource.Primary ? 0 : 0.5);
                if (!scored.TryGetValue(hit.Entry, out var old) || old < score) scored[hit.Entry] = score;
            }
        }
        var from = Array.BinarySearch(keys, key, StringComparer.Ordinal);
        if (from < 0) from = ~from;
        for (var i = from; i < keys.Length && keys[i].StartsWith(key, StringComparison.Ordinal) && i - from < 5000; i++)
            Consider(keys[i], keys[i].Length == key.Length ? 10 : 5);
        if (scored.Count < limit && key.Length >= 4)
        {
            var maxEdits = key.Length >= 7 ? 2 : 1;
            var first = Array.BinarySearch(keys, key[..1], StringComparer.Ordinal);
            if (first < 0) first = ~first;
            for (var i = first; i < keys.Length && keys[i][0] == key[0]; i++)
            {
                if (Math.Abs(keys[i].Length - key.Length) <= maxEdits && Levenshtein.Distance(keys[i], key, maxEdits) <= maxEdits)
                    Consider(keys[i], 0);
            }
        }
        return [.. scored.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(limit).Select(kv => entries[kv.Key])];
    }

    // log10(population) with floors by kind, so "Gaza Strip" outranks a village called Gaza.
    private static double Importance(GazetteerEntry e)
    {
        var population = Math.Log10(Math.Max(10, e.Population));
        return e.Kind switch
        {
            PlaceKind.Country => Math.Max(population, 8),
            PlaceKind.Region => 7,
            PlaceKind.AdminArea when e.PCode is not null => 6,
            _ => population,
        };
    }
}
