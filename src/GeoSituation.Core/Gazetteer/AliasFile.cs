namespace GeoSituation.Core.Gazetteer;

/// <summary>Applies geodata/aliases.tsv: extra names, junk alternates to remove, and never-a-place names.</summary>
internal static class AliasFile
{
    /// <summary>Targets of "omit" lines ("adm2:PS.GZ.7870260"): entries to leave out of the gazetteer.</summary>
    public static HashSet<string> Omitted(string path) =>
        File.ReadLines(path).Where(l => l.StartsWith("omit\t", StringComparison.Ordinal)).Select(l => l.Split('\t')[1]).ToHashSet(StringComparer.Ordinal);

    public static (List<(string Name, int Entry)> Aliases, List<string> Stops) Apply(
        string path,
        List<GazetteerEntry> entries,
        TargetIndex targets)
    {
        var aliases = new List<(string, int)>();
        var stops = new List<string>();
        var dropEverywhere = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            switch (f[0])
            {
                case "omit":
                    break; // applied while reading admin.tsv.gz (see Omitted)
                case "stop":
                    stops.Add(f[1]);
                    break;
                case "alias":
                    aliases.Add((f[1], Resolve(f[2])));
                    break;
                case "drop" when f[2] == "*":
                    dropEverywhere.Add(f[1]);
                    break;
                case "drop":
                    var i = Resolve(f[2]);
                    entries[i] = entries[i] with { AlternateNames = [.. entries[i].AlternateNames.Where(a => a != f[1])] };
                    break;
                default:
                    throw new InvalidDataException($"{path}:{lineNumber}: unknown kind '{f[0]}'");
            }
        }
        if (dropEverywhere.Count > 0)
        {
            for (var i = 0; i < entries.Count; i++)
            {
                var e = entries[i];
                if (e.AlternateNames.Any(dropEverywhere.Contains))
                    entries[i] = e with { AlternateNames = [.. e.AlternateNames.Where(a => !dropEverywhere.Contains(a))] };
            }
        }
        return (aliases, stops);

        int Resolve(string target) =>
            targets.Resolve(target) ?? throw new InvalidDataException($"{path}:{lineNumber}: unknown target '{target}'");
    }
}
