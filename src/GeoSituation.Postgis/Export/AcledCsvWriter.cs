using GeoSituation.Core.Displacement;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GeoSituation.Core.Events;
using GeoSituation.Core.Gazetteer;
using GeoSituation.Postgis.Articles;
using GeoSituation.Postgis.Features;

namespace GeoSituation.Postgis.Export;

/// <summary>
/// Events as CSV in ACLED's export layout (ACLED Codebook 2023: its column names in its order, no HXL row), so analysts
/// can append our feed to ACLED data. One row per claim: the event as first reported, with every publisher in source.
/// </summary>
/// <remarks>
/// ACLED conventions kept: inter codes are 0 for a missing actor, fatalities 0 when none are reported, iso is the ISO
/// 3166-1 numeric code, timestamp the Unix time the row was stored. Columns we cannot fill (assoc_actor_1/2, admin3,
/// source_scale, tags) stay empty. docs/events-serving.md lists how our types map onto ACLED's.
/// </remarks>
public sealed class AcledCsvWriter(TextWriter writer, CountryCodes countries) : IFeatureCsvWriter
{
    /// <summary>ACLED's export columns, in its order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
        "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
        "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
        "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
    ];

    // Our event type names as the events collection serves them ("explosions_remote_violence").
    private static readonly Dictionary<string, SituationEventType> TypesByName =
        Enum.GetValues<SituationEventType>().ToDictionary(WireNames.Of, StringComparer.Ordinal);

    private readonly StringBuilder line = new();

    public Task WriteHeaderAsync(CancellationToken cancellationToken = default) =>
        CsvText.WriteLineAsync(writer, line, Columns, cancellationToken);

    public Task WriteAsync(FeatureRow row, CancellationToken cancellationToken = default)
    {
        using var document = JsonDocument.Parse(row.Json);
        var feature = document.RootElement;
        var p = feature.GetProperty("properties");
        var subType = Text(p, "sub_type");
        var type = TypesByName.TryGetValue(Text(p, "event_type") ?? "", out var known) ? known : SituationEventType.StrategicDevelopments;
        var eventType = AcledCodes.EventType(type, subType);
        var subEventType = AcledCodes.SubEventType(subType);
        var day = Text(p, "date") is { } date
            ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : DateOnly.FromDateTime(Time(p, "seen_at")?.UtcDateTime ?? DateTime.UnixEpoch);
        var inter1 = Integer(p, "inter1");
        var inter2 = Integer(p, "inter2");
        var country = countries.Find(Text(p, "country"));
        var (lat, lon) = CsvText.Position(feature);
        string[] cells =
        [
            (country?.Iso3 ?? "") + row.Fid.ToString(CultureInfo.InvariantCulture),
            day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            day.Year.ToString(CultureInfo.InvariantCulture),
            Number(p, "time_precision"),
            AcledCodes.DisorderType(eventType, subEventType),
            eventType,
            subEventType,
            Cell(p, "actor1"),
            "",
            (inter1 ?? 0).ToString(CultureInfo.InvariantCulture),
            Cell(p, "actor2"),
            "",
            (inter2 ?? 0).ToString(CultureInfo.InvariantCulture),
            AcledCodes.Interaction(inter1, inter2)?.ToString(CultureInfo.InvariantCulture) ?? "",
            inter2 == (int)ActorType.Civilians ? "Civilian targeting" : "",
            country is { Numeric: > 0 } ? country.Numeric.ToString(CultureInfo.InvariantCulture) : "",
            AcledCodes.Region(Text(p, "country")),
            country?.Name ?? "",
            Cell(p, "admin1"),
            Cell(p, "admin2"),
            "",
            Cell(p, "place"),
            lat,
            lon,
            Number(p, "geo_precision"),
            CsvText.Defuse(Text(p, "claim_sources") ?? Text(p, "source") ?? ""),
            "",
            Cell(p, "quote"),
            (Integer(p, "fatalities") ?? 0).ToString(CultureInfo.InvariantCulture),
            "",
            Time(p, "ingested_at")?.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) ?? "",
        ];
        return CsvText.WriteLineAsync(writer, line, cells, cancellationToken);
    }

    private static string? Text(JsonElement properties, string name) =>
        properties.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Cell(JsonElement properties, string name) => CsvText.Defuse(Text(properties, name) ?? "");

    private static int? Integer(JsonElement properties, string name) =>
        properties.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : null;

    private static string Number(JsonElement properties, string name) => Integer(properties, name)?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static DateTimeOffset? Time(JsonElement properties, string name) =>
        Text(properties, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
}
