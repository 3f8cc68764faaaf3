using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GeoSituation.ServingBench;

/// <summary>
/// `make-articles --out FILE.jsonl --count N --seed S`: news-like articles (about 1,200 characters, 8-10
/// sentences naming towns, regions and countries, displacement figures and events) for the ingest benchmark.
/// Every article is different (so none is a duplicate) and the same seed gives the same file.
/// </summary>
internal static class ArticleTexts
{
    private static readonly string[] Places =
    [
        "Rafah", "Khan Yunis", "Gaza City", "Deir al-Balah", "Jabalia", "Nuseirat", "the Gaza Strip", "the West Bank", "Jenin", "Nablus",
        "Cairo", "Amman", "Beirut", "Tyre", "Damascus", "Aleppo", "Idlib", "Mosul", "Baghdad", "Erbil", "Sanaa", "Aden", "Hodeidah",
        "Khartoum", "El Fasher", "Port Sudan", "Tripoli", "Benghazi", "Kabul", "Kyiv", "Kharkiv", "Odesa", "Goma", "Mogadishu",
    ];
    private static readonly string[] Countries = ["Egypt", "Jordan", "Lebanon", "Syria", "Iraq", "Yemen", "Sudan", "Libya", "Ukraine", "Somalia", "Qatar"];
    private static readonly string[] Templates =
    [
        "Aid agencies said about {n} people had fled {p} to {q} since the start of the month.",
        "An airstrike on a residential building in {p} killed {k} people, local health officials said.",
        "The United Nations estimated that {n} displaced people were sheltering in schools in {p}.",
        "Protesters gathered in {p} on {d} to demand a ceasefire and the reopening of the crossing into {c}.",
        "Convoys carrying food and medicine reached {p} after weeks of delays, according to the World Food Programme.",
        "Officials in {c} said they had received {n} refugees from {p} over the past week.",
        "Fighting continued on the outskirts of {p}, where residents reported heavy shelling overnight.",
        "Hospitals in {p} were running out of fuel, the health ministry warned on {d}.",
        "Mediators from {c} met delegations in {q} to discuss a pause in the fighting.",
        "Families who fled {p} described walking for two days to reach {q} with few belongings.",
    ];

    public static int Run(Options options)
    {
        var count = options.Int("count", 2000);
        var random = new Random(options.Int("seed", 7));
        var output = options.Require("out");
        // A run tag keeps a second run's articles new (not duplicates of the first) with the same sentences.
        var tag = options.Get("tag") ?? "0";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        using var writer = new StreamWriter(output, false, new UTF8Encoding(false));
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < count; i++)
        {
            var published = start.AddHours(i * 3 + random.Next(3));
            var text = new StringBuilder();
            var sentences = 8 + random.Next(3);
            for (var s = 0; s < sentences; s++)
            {
                var sentence = Templates[random.Next(Templates.Length)]
                    .Replace("{p}", Places[random.Next(Places.Length)], StringComparison.Ordinal)
                    .Replace("{q}", Places[random.Next(Places.Length)], StringComparison.Ordinal)
                    .Replace("{c}", Countries[random.Next(Countries.Length)], StringComparison.Ordinal)
                    .Replace("{n}", (1000 * random.Next(1, 900)).ToString("N0", CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    .Replace("{k}", random.Next(2, 60).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    .Replace("{d}", published.AddDays(-random.Next(5)).ToString("dddd", CultureInfo.InvariantCulture), StringComparison.Ordinal);
                text.Append(sentence).Append(' ');
            }
            text.Append("Report ").Append(tag).Append('-').Append(i.ToString(CultureInfo.InvariantCulture)).Append('.');
            var article = new { title = $"Situation update {i}", text = text.ToString(), source = "bench", published = published.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) };
            writer.WriteLine(JsonSerializer.Serialize(article));
        }
        Console.WriteLine($"make-articles: {count} articles in {output}");
        return 0;
    }
}
