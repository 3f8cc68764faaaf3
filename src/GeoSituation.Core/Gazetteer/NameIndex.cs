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
        SortedKeys = [.. building.Keys.Order(StringComparer.Ordinal)];
        var hits = SortedKeys.Select(k => building[k].ToArray()).ToArray();
        stopFirstWords = StopFirstWords(data.StopNames);
        (byKey, FirstWords) = Build(SortedKeys, hits, stopFirstWords);
    }

    private NameIndex(string[] sortedKeys, NameHit[][] hits, string[] stopFirstWords)
    {
        SortedKeys = sortedKeys;
        this.stopFirstWords = stopFirstWords;
        (byKey, FirstWords) = Build(sortedKeys, hits, stopFirstWords);
    }

    private readonly string[] stopFirstWords;

    private static (Dictionary<string, NameHit[]>, HashSet<string>) Build(string[] keys, NameHit[][] hits, string[] stopFirstWords)
    {
        var byKey = new Dictionary<string, NameHit[]>(keys.Length, StringComparer.Ordinal);
        // First words of multi-word names: a window is only worth extending when its first word starts one.
        var firstWords = new HashSet<string>(stopFirstWords, StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++)
        {
            byKey[keys[i]] = hits[i];
            var space = keys[i].IndexOf(' ', StringComparison.Ordinal);
            if (space > 0) firstWords.Add(keys[i][..space]);
        }
        return (byKey, firstWords);
    }

    private static string[] StopFirstWords(IEnumerable<string> stopNames) =>
        [.. stopNames.Select(s => NameNormalizer.Normalize(s)).Where(k => k.Contains(' ', StringComparison.Ordinal)).Select(k => k[..k.IndexOf(' ', StringComparison.Ordinal)])];

    /// <summary>Writes the index for <see cref="GazetteerCache"/>, so a load skips normalising a million names.</summary>
    public void Write(BinaryWriter w)
    {
        w.Write(SortedKeys.Length);
        foreach (var key in SortedKeys)
        {
            w.Write(key);
            var hits = byKey[key];
            w.Write7BitEncodedInt(hits.Length);
            foreach (var h in hits)
            {
                w.Write7BitEncodedInt(h.Entry);
                w.Write((byte)h.Source);
            }
        }
        w.Write(stopFirstWords.Length);
        foreach (var s in stopFirstWords) w.Write(s);
    }

    public static NameIndex Read(BinaryReader r)
    {
        var keys = new string[r.ReadInt32()];
        var hits = new NameHit[keys.Length][];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = r.ReadString();
            var h = new NameHit[r.Read7BitEncodedInt()];
            for (var j = 0; j < h.Length; j++) h[j] = new NameHit(r.Read7BitEncodedInt(), (NameSource)r.ReadByte());
            hits[i] = h;
        }
        var stops = new string[r.ReadInt32()];
        for (var i = 0; i < stops.Length; i++) stops[i] = r.ReadString();
        return new NameIndex(keys, hits, stops);
    }

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
