using GeoSituation.Core.Gazetteer;

namespace GeoSituation.Benchmarks;

/// <summary>~2,000-character news articles for the benchmarks, cut at sentence ends from the seed articles.</summary>
internal static class BenchmarkArticles
{
    public const int TargetLength = 2000;

    public static IReadOnlyList<string> Load()
    {
        var seeds = Path.Combine(Path.GetDirectoryName(Gazetteer.LocateGeodata())!, "seeds");
        var text = string.Join("\n\n", Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText));
        var articles = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var end = Math.Min(text.Length, start + TargetLength);
            var stop = end < text.Length ? text.LastIndexOf(". ", end, end - start, StringComparison.Ordinal) : -1;
            if (stop > start + TargetLength / 2) end = stop + 1;
            articles.Add(text[start..end].Trim());
            start = end;
        }
        return articles;
    }
}
