namespace GeoSituation.Core.Gazetteer;

/// <summary>How a name is attached to an entry; the geoparser trusts some kinds more than others.</summary>
public enum NameSource : byte
{
    Primary,
    Alias,
    Alternate,
    /// <summary>An adjective or people form ("Qatari", "Egyptians"); names the place only as a modifier.</summary>
    Demonym,
}

/// <summary>One entry a normalised name points to.</summary>
public readonly record struct NameHit(int Entry, NameSource Source);

/// <summary>Normalised name -> entries, plus a sorted key list for prefix search.</summary>
internal sealed class NameIndex
{
    private readonly Dictionary<string, NameHit[]> byKey;

    public NameIndex(GazetteerData data)
    {
        var building = new Dictionary<string, List<NameHit>>(1 << 20, StringComparer.Ordinal);
        void Add(string name, int entry, NameSource source)
        {
            var key = NameNormalizer.Normalize(name);
            if (key.Length == 0) return;
            if (!building.TryGetValue(key, out var list)) building[key] = list = new List<NameHit>(1);
            foreach (var h in list)
            {
                if (h.Entry == entry) return; // first (most trusted) source wins: primary names are added first
            }
            list.Add(new NameHit(entry, source));
        }
        var entries = data.Entries;
        for (var i = 0; i < entries.Count; i++) Add(entries[i].Name, i, NameSource.Primary);
        foreach (var (name, entry) in data.Aliases) Add(name, entry, NameSource.Alias);
        for (var i = 0; i < entries.Count; i++)
        {
            foreach (var a in entries[i].AlternateNames) Add(a, i, NameSource.Alternate);
        }
        foreach (var (entry, names) in data.Demonyms)
        {
            foreach (var d in names)
            {
                Add(d, entry, NameSource.Demonym);
                Add(Plural(d), entry, NameSource.Demonym);
            }
        }
        byKey = new Dictionary<string, NameHit[]>(building.Count, StringComparer.Ordinal);
        var maxWords = 1;
        foreach (var (key, list) in building)
        {
            byKey[key] = [.. list];
            var words = 1;
            foreach (var c in key)
            {
                if (c == ' ') words++;
            }
            maxWords = Math.Max(maxWords, Math.Min(words, 8));
        }
        MaxWords = maxWords;
        // First words of multi-word names: a window is only worth extending when its first word starts one.
        FirstWords = byKey.Keys.Where(k => k.Contains(' ', StringComparison.Ordinal))
            .Select(k => k[..k.IndexOf(' ', StringComparison.Ordinal)])
            .Concat(data.StopNames.Select(s => NameNormalizer.Normalize(s)).Where(k => k.Contains(' ', StringComparison.Ordinal))
                .Select(k => k[..k.IndexOf(' ', StringComparison.Ordinal)]))
            .ToHashSet(StringComparer.Ordinal);
        SortedKeys = [.. byKey.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>The longest name in words (capped): how far the geoparser looks ahead for multi-word names.</summary>
    public int MaxWords { get; }

    public string[] SortedKeys { get; }

    public HashSet<string> FirstWords { get; }

    public IReadOnlyList<NameHit> Lookup(string normalizedKey) =>
        byKey.TryGetValue(normalizedKey, out var hits) ? hits : [];

    public bool Contains(string normalizedKey) => byKey.ContainsKey(normalizedKey);

    // "Egyptian" -> "Egyptians"; demonyms ending in s/sh/ese do not take a plural ("Swiss", "Chinese").
    private static string Plural(string demonym) =>
        demonym.EndsWith('s') || demonym.EndsWith("sh", StringComparison.Ordinal) || demonym.EndsWith("ese", StringComparison.Ordinal)
            ? demonym
            : demonym + "s";
}
