using System.Text.Json;

namespace GeoSituation.Cli.Evaluation;

/// <summary>A gold toponym: a span, and coordinates unless the annotators gave none.</summary>
internal sealed record GoldToponym(int Start, int End, string Name, double? Lat, double? Lon);

internal sealed record GoldDocument(string Id, string Text, IReadOnlyList<GoldToponym> Toponyms);

/// <summary>Reads a gold corpus in the dev-corpus JSONL format (see /work/shared/eval/README.md).</summary>
internal static class GoldCorpus
{
    public static List<GoldDocument> Read(string path)
    {
        var documents = new List<GoldDocument>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var toponyms = new List<GoldToponym>();
            if (root.TryGetProperty("toponyms", out var withCoordinates))
            {
                foreach (var t in withCoordinates.EnumerateArray())
                    toponyms.Add(new GoldToponym(t.GetProperty("start").GetInt32(), t.GetProperty("end").GetInt32(), t.GetProperty("name").GetString() ?? "", t.GetProperty("lat").GetDouble(), t.GetProperty("lon").GetDouble()));
            }
            if (root.TryGetProperty("toponyms_nocoord", out var without))
            {
                foreach (var t in without.EnumerateArray())
                    toponyms.Add(new GoldToponym(t.GetProperty("start").GetInt32(), t.GetProperty("end").GetInt32(), t.GetProperty("name").GetString() ?? "", null, null));
            }
            var id = root.GetProperty("id");
            documents.Add(new GoldDocument(id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetRawText(), root.GetProperty("text").GetString()!, toponyms));
        }
        return documents;
    }
}
