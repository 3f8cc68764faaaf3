using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace GeoSituation.Core.Gazetteer;

/// <summary>A binary snapshot of <see cref="GazetteerData"/>, so a process start does not re-parse the geodata.</summary>
/// <remarks>
/// Parsing the gzip/JSON sources and computing clipped and Voronoi polygons takes seconds; reading this file
/// takes a fraction of one. The stamp (format version + size and time of every source file) invalidates it
/// whenever geodata/ changes. A corrupt or foreign file is treated as a miss, never as an error.
/// </remarks>
internal static class GazetteerCache
{
    private const int FormatVersion = 8;
    private const string Magic = "GEOSITUATION-GAZETTEER";

    /// <summary>Format version, then size and time of geodata/'s files, the humanitarian pair and every user import file.</summary>
    public static string Stamp(string geodataDirectory, string? userFolder = null)
    {
        var files = GeodataReader.SourceFiles.Select(f => (f, Path.Combine(geodataDirectory, f)));
        foreach (var layer in UserGazetteer.Layers(geodataDirectory, userFolder))
        {
            files = files.Append(($"{layer.Name}/sites", layer.SitesPath)).Append(($"{layer.Name}/areas", layer.AreasPath));
        }
        var parts = files.Select(f =>
        {
            var info = new FileInfo(f.Item2);
            return info.Exists ? $"{f.Item1}:{info.Length}:{info.LastWriteTimeUtc.Ticks}" : $"{f.Item1}:missing";
        });
        return $"v{FormatVersion};" + string.Join(';', parts);
    }

    public static (GazetteerData Data, NameIndex Index)? TryRead(string path, string stamp)
    {
        if (!File.Exists(path)) return null;
        try
        {
            using var reader = new BinaryReader(new BufferedStream(File.OpenRead(path), 1 << 16));
            if (reader.ReadString() != Magic || reader.ReadString() != stamp) return null;
            var data = ReadData(reader);
            return (data, NameIndex.Read(reader));
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or ParseException or InvalidDataException or ArgumentException)
        {
            return null;
        }
    }

    public static void TryWrite(string path, string stamp, GazetteerData data, NameIndex index)
    {
        var temp = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var writer = new BinaryWriter(new BufferedStream(File.Create(temp), 1 << 16)))
            {
                writer.Write(Magic);
                writer.Write(stamp);
                WriteData(writer, data);
                index.Write(writer);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only checkout still works; it just parses the sources on every start.
            File.Delete(temp);
        }
    }

    private static void WriteData(BinaryWriter w, GazetteerData data)
    {
        var wkb = new WKBWriter();
        w.Write(data.Entries.Count);
        foreach (var e in data.Entries)
        {
            w.Write(e.Id);
            w.Write(e.Name);
            w.Write((byte)e.Kind);
            w.Write(e.Latitude);
            w.Write(e.Longitude);
            w.Write(e.CountryCode);
            w.Write(e.FeatureCode);
            w.Write(e.Admin1Code);
            w.Write(e.Admin2Code);
            w.Write(e.Admin1Name);
            w.Write(e.Admin2Name);
            w.Write(e.Population);
            w.Write(e.PCode ?? "");
            w.Write(e.Iso3166_2 ?? "");
            w.Write(e.BoundaryApproximate);
            w.Write(string.Join(GazetteerEntry.AlternateNameSeparator, e.AlternateNames));
            var bytes = e.Boundary is null ? [] : wkb.Write(e.Boundary);
            w.Write(bytes.Length);
            w.Write(bytes);
        }
        w.Write(data.Demonyms.Count);
        foreach (var (entry, names) in data.Demonyms)
        {
            w.Write(entry);
            WriteStrings(w, names);
        }
        w.Write(data.Aliases.Count);
        foreach (var (name, entry) in data.Aliases)
        {
            w.Write(name);
            w.Write(entry);
        }
        WriteStrings(w, data.StopNames);
        w.Write(data.Words.Count);
        foreach (var (word, classes) in data.Words)
        {
            w.Write(word);
            w.Write((ushort)classes);
        }
    }

    private static GazetteerData ReadData(BinaryReader r)
    {
        var count = r.ReadInt32();
        var entries = new GazetteerEntry[count];
        // Many places share admin names: intern them so the index does not hold 160k copies of "England".
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        string Pooled(string s) => pool.TryGetValue(s, out var p) ? p : pool[s] = s;
        for (var i = 0; i < count; i++)
        {
            var id = r.ReadInt64();
            var name = r.ReadString();
            var kind = (PlaceKind)r.ReadByte();
            var lat = r.ReadDouble();
            var lon = r.ReadDouble();
            var cc = Pooled(r.ReadString());
            var fcode = Pooled(r.ReadString());
            var a1c = Pooled(r.ReadString());
            var a2c = Pooled(r.ReadString());
            var a1n = Pooled(r.ReadString());
            var a2n = Pooled(r.ReadString());
            var population = r.ReadInt64();
            var pcode = r.ReadString();
            var iso = r.ReadString();
            var approximate = r.ReadBoolean();
            var alternates = r.ReadString();
            var geometryBytes = r.ReadBytes(r.ReadInt32());
            entries[i] = new GazetteerEntry
            {
                Id = id, Name = name, Kind = kind, Latitude = lat, Longitude = lon, CountryCode = cc, FeatureCode = fcode,
                Admin1Code = a1c, Admin2Code = a2c, Admin1Name = a1n, Admin2Name = a2n, Population = population,
                PCode = pcode.Length == 0 ? null : pcode, Iso3166_2 = iso.Length == 0 ? null : iso,
                BoundaryApproximate = approximate, PackedAlternateNames = alternates,
                BoundaryWkb = geometryBytes.Length == 0 ? null : geometryBytes,
            };
        }
        var demonyms = new Dictionary<int, string[]>();
        for (var n = r.ReadInt32(); n > 0; n--) demonyms[r.ReadInt32()] = ReadStrings(r);
        var aliases = new List<(string, int)>();
        for (var n = r.ReadInt32(); n > 0; n--) aliases.Add((r.ReadString(), r.ReadInt32()));
        var stops = ReadStrings(r);
        var words = new Dictionary<string, WordClass>(StringComparer.Ordinal);
        for (var n = r.ReadInt32(); n > 0; n--) words[r.ReadString()] = (WordClass)r.ReadUInt16();
        return new GazetteerData(entries, demonyms, aliases, stops, words);
    }

    private static void WriteStrings(BinaryWriter w, IReadOnlyCollection<string> strings)
    {
        w.Write(strings.Count);
        foreach (var s in strings) w.Write(s);
    }

    private static string[] ReadStrings(BinaryReader r)
    {
        var result = new string[r.ReadInt32()];
        for (var i = 0; i < result.Length; i++) result[i] = r.ReadString();
        return result;
    }
}
