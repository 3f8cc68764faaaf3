using System.Buffers.Text;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using GeoSituation.Core.Gazetteer;

namespace GeoSituation.Core.Events;

/// <summary>event-only small places; thread-safe; loaded lazily on first Lookup</summary>
/// <remarks>
/// Some 600,000 villages, neighbourhoods and camps from Who's On First (geodata/events/README.md) that the general
/// gazetteer leaves out because they would give the geoparser homonyms. Event extraction asks here only for a
/// capitalised name an event cue points at, in the article's countries. Rows are kept packed (UTF-8 names in one
/// byte array, numbers in parallel arrays); each country's index, built on the first lookup in that country, is one
/// sorted array of 64-bit values, a 40-bit hash of the normalised name above the 24-bit row number. The whole layer
/// holds about 30 MB, where a GazetteerEntry and a key string per name would take several times that; normalising
/// 660,000 names would double the load time, while an article concerns a few countries. Entries are built only for hits.
/// </remarks>
public sealed class SmallPlaces
{
    public const string FileName = "small-places.tsv.gz";       // under <geodata>/events/

    private static readonly Lazy<SmallPlaces> DefaultInstance = new(() => Load(Gazetteer.Gazetteer.LocateGeodata()));

    private readonly string? path;
    private readonly Lazy<Table> table;

    private SmallPlaces(string? path)
    {
        this.path = path;
        table = new Lazy<Table>(() => path is null ? Table.Empty : Table.Read(path), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The layer in <paramref name="geodataDirectory"/>/events/; a missing file gives an empty instance.</summary>
    public static SmallPlaces Load(string geodataDirectory)
    {
        var file = Path.Combine(geodataDirectory, "events", FileName);
        return new SmallPlaces(File.Exists(file) ? file : null);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SmallPlaces> ByFolder = new(StringComparer.Ordinal);

    /// <summary>The layer of a geodata folder, shared by the process (it is loaded once, on first lookup).</summary>
    public static SmallPlaces For(string geodataDirectory) => ByFolder.GetOrAdd(Path.GetFullPath(geodataDirectory), Load);

    /// <summary><see cref="Load"/> of <see cref="Gazetteer.Gazetteer.LocateGeodata"/>, shared by the process.</summary>
    public static SmallPlaces Default => DefaultInstance.Value;

    /// <summary>Number of places (rows); reading it loads the file.</summary>
    public int Count => table.Value.Count;

    /// <summary>
    /// Entries whose name or alternate normalises (<see cref="NameNormalizer.Normalize"/>) to the same key as
    /// <paramref name="name"/>, in <paramref name="country"/> (ISO2), as <see cref="GazetteerEntry"/> with Kind = City,
    /// FeatureCode PPL/PPLX/CMPRF by type and Id = StableId.Of("evt:" + key); largest population first.
    /// </summary>
    public IReadOnlyList<GazetteerEntry> Lookup(string name, string country)
    {
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrEmpty(country)) return [];
        var key = NameNormalizer.Normalize(name);
        if (key.Length == 0) return [];
        return table.Value.Find(key, country.ToUpperInvariant());
    }

    /// <inheritdoc/>
    public override string ToString() => $"SmallPlaces({path ?? "no file"})";

    /// <summary>The parsed file: rows in parallel arrays and a hash index.</summary>
    private sealed class Table
    {
        public static readonly Table Empty = new();

        private readonly List<string> countries = [];          // ISO2 codes, index = country byte
        private readonly List<string> keyPrefixes = [];        // "sy" of "sy:wof-123" (the WOF repository)
        private readonly List<string> admin1Names = [];
        private readonly Dictionary<string, int> countryIndex = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> prefixIndex = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> admin1Index = new(StringComparer.Ordinal);

        // Per row.
        private long[] wofIds = [];
        private int[] latE5 = [], lonE5 = [];
        private int[] populations = [];
        private byte[] countryOf = [], prefixOf = [], typeOf = [];
        private ushort[] admin1Of = [];
        private int[] textStart = [0];                         // row i's "name\talternates" is text[textStart[i]..textStart[i+1]]
        private byte[] text = [];

        // Per country: Hash(normalised name) << RowBits | row, sorted. One primitive array sorts fast (no key/item
        // pair sort to compile) and costs 8 bytes a name; a hash collision only adds a candidate that Find rules out.
        private const int RowBits = 24;
        private const ulong RowMask = (1UL << RowBits) - 1;
        private Lazy<ulong[]>[] indexes = [];

        public int Count { get; private set; }

        private static readonly string[] FeatureCodes = ["PPL", "PPLX", "CMPRF"];

        public static Table Read(string path)
        {
            var t = new Table();
            t.Parse(path); // a malformed line throws InvalidDataException naming file and line
            return t;
        }

        // Straight to optimised code: this loop runs once per process, 600,000 times, and would otherwise spend
        // much of its time in tier-0 code waiting for on-stack replacement.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Parse(string path)
        {
            var textLength = 0;
            var sized = false;
            Span<char> chars = stackalloc char[256];
            // Interning through span lookups: no string per row for values that repeat on every row.
            var prefixLookup = prefixIndex.GetAlternateLookup<ReadOnlySpan<char>>();
            var countryLookup = countryIndex.GetAlternateLookup<ReadOnlySpan<char>>();
            var admin1Lookup = admin1Index.GetAlternateLookup<ReadOnlySpan<char>>();
            var lineNumber = 0;

            Span<Range> cells = stackalloc Range[10];
            using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            foreach (var memory in Lines(stream))
            {
                var line = memory.Span;
                lineNumber++;
                if (!sized && (line.Length == 0 || line[0] == (byte)'#'))
                {
                    // The builder's "# sizes: rows=R bytes=B" lets the arrays be allocated once, exactly.
                    if (line.StartsWith("# sizes: "u8))
                    {
                        Allocate(line);
                        sized = true;
                    }
                    continue;
                }
                if (line.Length == 0 || line[0] == (byte)'#') continue;
                if (!sized)
                {
                    Allocate([]);
                    sized = true;
                }
                // key name alternates type lat lon country admin1 population licence
                if (SplitTabs(line, cells) != 10)
                    throw new InvalidDataException($"{path}:{lineNumber}: expected 10 tab-separated cells");
                var row = Count;
                if (row == wofIds.Length) Grow();
                if (row > (int)RowMask) throw new InvalidDataException($"{path}: more than {RowMask} rows do not fit the index");

                var key = line[cells[0]];
                var colon = key.IndexOf("wof-"u8);
                if (colon < 2 || !Utf8Parser.TryParse(key[(colon + 4)..], out long wofId, out var used) || used != key.Length - colon - 4)
                    throw new InvalidDataException($"{path}:{lineNumber}: key is not cc:wof-<id>");
                wofIds[row] = wofId;
                prefixOf[row] = (byte)Intern(Decode(key[..(colon - 1)], chars), keyPrefixes, prefixLookup);
                var type = line[cells[3]];
                typeOf[row] = type.SequenceEqual("locality"u8) ? (byte)0
                    : type.SequenceEqual("neighbourhood"u8) ? (byte)1
                    : type.SequenceEqual("camp"u8) ? (byte)2
                    : throw new InvalidDataException($"{path}:{lineNumber}: unknown type");
                latE5[row] = FixedE5(line[cells[4]], path, lineNumber);
                lonE5[row] = FixedE5(line[cells[5]], path, lineNumber);
                countryOf[row] = (byte)Intern(Decode(line[cells[6]], chars), countries, countryLookup);
                admin1Of[row] = (ushort)Intern(Decode(line[cells[7]], chars), admin1Names, admin1Lookup);
                if (!Utf8Parser.TryParse(line[cells[8]], out int population, out _))
                    throw new InvalidDataException($"{path}:{lineNumber}: population is not a number");
                populations[row] = population;

                // Names: "name\talternates" kept as UTF-8, decoded for a country's index or a hit.
                var name = line[cells[1]];
                var alternates = line[cells[2]];
                var length = name.Length + 1 + alternates.Length;
                if (textLength + length > text.Length) Array.Resize(ref text, Math.Max(text.Length * 2, textLength + length));
                name.CopyTo(text.AsSpan(textLength));
                text[textLength + name.Length] = (byte)'\t';
                alternates.CopyTo(text.AsSpan(textLength + name.Length + 1));
                textLength += length;
                textStart[row + 1] = textLength;

                Count++;
            }
            if (countries.Count > 256 || keyPrefixes.Count > 256 || admin1Names.Count > ushort.MaxValue)
                throw new InvalidDataException($"{path}: too many countries, key prefixes or admin1 names for the packed table");
            if (text.Length != textLength) Array.Resize(ref text, textLength);
            if (wofIds.Length != Count) Resize(Count);
            indexes = [.. countries.Select((_, c) => new Lazy<ulong[]>(() => BuildIndex(c), LazyThreadSafetyMode.ExecutionAndPublication))];
        }

        /// <summary>The index of one country: every distinct normalised name (name and alternates) of its rows.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private ulong[] BuildIndex(int country)
        {
            var keys = new List<ulong>();
            var rowKeys = new List<string>(8);
            var chars = new char[1024];
            for (var row = 0; row < Count; row++)
            {
                if (countryOf[row] != country) continue;
                var bytes = text.AsSpan(textStart[row], textStart[row + 1] - textStart[row]);
                if (chars.Length < bytes.Length) chars = new char[bytes.Length * 2];
                var names = chars.AsSpan(0, Encoding.UTF8.GetChars(bytes, chars));
                rowKeys.Clear();
                var tab = names.IndexOf('\t');
                AddKey(names[..tab], row);
                var alternates = names[(tab + 1)..];
                foreach (var alternate in alternates.Split('|'))
                {
                    if (alternate.End.Value > alternate.Start.Value) AddKey(alternates[alternate], row);
                }
            }
            var index = keys.ToArray();
            Array.Sort(index);
            return index;

            void AddKey(ReadOnlySpan<char> name, int row)
            {
                var k = NameNormalizer.Normalize(name);
                if (k.Length == 0 || rowKeys.Contains(k)) return;
                rowKeys.Add(k);
                keys.Add(Hash(k) << RowBits | (uint)row);
            }
        }

        public IReadOnlyList<GazetteerEntry> Find(string key, string country)
        {
            if (!countryIndex.TryGetValue(country, out var c)) return [];
            var index = indexes[c].Value;
            var hash = Hash(key);
            var i = LowerBound(index, hash << RowBits);
            List<GazetteerEntry>? found = null;
            for (; i < index.Length && index[i] >> RowBits == hash; i++)
            {
                var row = (int)(index[i] & RowMask);
                var (name, alternates) = Names(row);
                // Two names sharing a 40-bit hash are rare but cheap to rule out.
                if (NameNormalizer.Normalize(name) != key && !alternates.Any(a => NameNormalizer.Normalize(a) == key)) continue;
                if (countries[countryOf[row]] != country) continue;
                (found ??= []).Add(Entry(row, name, alternates));
            }
            if (found is null) return [];
            found.Sort((a, b) => b.Population.CompareTo(a.Population));
            return found;
        }

        private GazetteerEntry Entry(int row, string name, string[] alternates) => new()
        {
            Id = StableId.Of($"evt:{keyPrefixes[prefixOf[row]]}:wof-{wofIds[row]}"),
            Name = name,
            Kind = PlaceKind.City,
            FeatureCode = FeatureCodes[typeOf[row]],
            Latitude = latE5[row] / 1e5,
            Longitude = lonE5[row] / 1e5,
            CountryCode = countries[countryOf[row]],
            Admin1Name = admin1Names[admin1Of[row]],
            Population = populations[row],
            AlternateNames = alternates,
        };

        private (string Name, string[] Alternates) Names(int row)
        {
            var s = Encoding.UTF8.GetString(text, textStart[row], textStart[row + 1] - textStart[row]);
            var tab = s.IndexOf('\t');
            var alternates = s[(tab + 1)..];
            return (s[..tab], alternates.Length == 0 ? [] : alternates.Split('|'));
        }

        private static int LowerBound(ulong[] index, ulong hash)
        {
            int lo = 0, hi = index.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (index[mid] < hash) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }

        /// <summary>FNV-1a 64 of the normalised name, folded to 64 - RowBits bits.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static ulong Hash(string key)
        {
            var h = 0xcbf29ce484222325UL;
            foreach (var c in key) h = (h ^ c) * 0x100000001b3UL;
            return (h ^ h >> (64 - RowBits)) & (ulong.MaxValue >> RowBits);
        }

        /// <summary>A short cell as chars in <paramref name="buffer"/> (a longer one as a new array).</summary>
        private static ReadOnlySpan<char> Decode(ReadOnlySpan<byte> cell, Span<char> buffer)
        {
            if (Encoding.UTF8.GetMaxCharCount(cell.Length) > buffer.Length) return Encoding.UTF8.GetString(cell);
            return buffer[..Encoding.UTF8.GetChars(cell, buffer)];
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static int Intern(ReadOnlySpan<char> value, List<string> list, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> index)
        {
            if (index.TryGetValue(value, out var i)) return i;
            var s = value.ToString();
            index.Dictionary[s] = list.Count;
            list.Add(s);
            return list.Count - 1;
        }

        /// <summary>"-12.34567" as -1234567: the builder writes exactly 5 decimals; parsing doubles would cost more.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static int FixedE5(ReadOnlySpan<byte> s, string path, int lineNumber)
        {
            var negative = s.Length > 0 && s[0] == (byte)'-';
            var value = 0L;
            var decimals = -1;
            for (var i = negative ? 1 : 0; i < s.Length; i++)
            {
                var c = s[i];
                if (c == (byte)'.' && decimals < 0) { decimals = 0; continue; }
                if (c is < (byte)'0' or > (byte)'9' || decimals >= 5)
                    throw new InvalidDataException($"{path}:{lineNumber}: '{Encoding.UTF8.GetString(s)}' is not a coordinate with at most 5 decimals");
                value = value * 10 + (c - '0');
                if (decimals >= 0) decimals++;
            }
            for (var d = Math.Max(decimals, 0); d < 5; d++) value *= 10;
            if (value > 18_000_000) throw new InvalidDataException($"{path}:{lineNumber}: coordinate out of range");
            return (int)(negative ? -value : value);
        }

        /// <summary>Cell ranges of a tab-separated line; returns the number of cells (at most cells.Length + 1 counted).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static int SplitTabs(ReadOnlySpan<byte> line, Span<Range> cells)
        {
            var n = 0;
            var start = 0;
            for (var i = 0; i <= line.Length; i++)
            {
                if (i < line.Length && line[i] != (byte)'\t') continue;
                if (n == cells.Length) return n + 1;
                cells[n++] = start..i;
                start = i + 1;
            }
            return n;
        }

        /// <summary>Row arrays for the sizes the builder wrote (a default when none).</summary>
        private void Allocate(ReadOnlySpan<byte> sizes)
        {
            int rows = 1 << 16, bytes = rows * 24;
            foreach (var part in sizes.Split((byte)' '))
            {
                var cell = sizes[part];
                var eq = cell.IndexOf((byte)'=');
                if (eq < 0 || !Utf8Parser.TryParse(cell[(eq + 1)..], out int value, out _) || value <= 0) continue;
                var what = cell[..eq];
                if (what.SequenceEqual("rows"u8)) rows = value;
                else if (what.SequenceEqual("bytes"u8)) bytes = value;
            }
            wofIds = new long[rows];
            latE5 = new int[rows];
            lonE5 = new int[rows];
            populations = new int[rows];
            countryOf = new byte[rows];
            prefixOf = new byte[rows];
            typeOf = new byte[rows];
            admin1Of = new ushort[rows];
            textStart = new int[rows + 1];
            text = new byte[bytes];
        }

        private void Grow() => Resize(wofIds.Length * 2);

        private void Resize(int n)
        {
            Array.Resize(ref wofIds, n);
            Array.Resize(ref latE5, n);
            Array.Resize(ref lonE5, n);
            Array.Resize(ref populations, n);
            Array.Resize(ref countryOf, n);
            Array.Resize(ref prefixOf, n);
            Array.Resize(ref typeOf, n);
            Array.Resize(ref admin1Of, n);
            Array.Resize(ref textStart, n + 1);
        }

        /// <summary>The decompressed file line by line as UTF-8 spans (no string per line).</summary>
        private static IEnumerable<ReadOnlyMemory<byte>> Lines(Stream stream)
        {
            var buffer = new byte[1 << 20];
            var filled = 0;
            while (true)
            {
                var read = stream.Read(buffer, filled, buffer.Length - filled);
                filled += read;
                var start = 0;
                while (true)
                {
                    var newline = Array.IndexOf(buffer, (byte)'\n', start, filled - start);
                    if (newline < 0) break;
                    var end = newline > start && buffer[newline - 1] == (byte)'\r' ? newline - 1 : newline;
                    yield return buffer.AsMemory(start, end - start);
                    start = newline + 1;
                }
                if (read == 0)
                {
                    if (start < filled) yield return buffer.AsMemory(start, filled - start);
                    yield break;
                }
                Buffer.BlockCopy(buffer, start, buffer, 0, filled - start);
                filled -= start;
                if (filled == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            }
        }
    }
}
