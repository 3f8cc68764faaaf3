using System.Text.Json.Serialization;

namespace GeoSituation.Core.Tests.RealReporting;

/// <summary>One event an ACLED coder reads from an item (format in EVENTS.md beside this file).</summary>
public sealed record GoldEvent
{
    [JsonPropertyName("event_type")] public required string EventType { get; init; }
    [JsonPropertyName("sub_event_type")] public string? SubEventType { get; init; }
    [JsonPropertyName("actor1")] public string? Actor1 { get; init; }
    [JsonPropertyName("inter1")] public int? Inter1 { get; init; }
    [JsonPropertyName("actor2")] public string? Actor2 { get; init; }
    [JsonPropertyName("inter2")] public int? Inter2 { get; init; }
    [JsonPropertyName("location")] public string? Location { get; init; }
    [JsonPropertyName("location_alts")] public string[]? LocationAlternates { get; init; }
    [JsonPropertyName("country")] public string? Country { get; init; }
    [JsonPropertyName("geo_precision")] public int GeoPrecision { get; init; } = 1;
    [JsonPropertyName("date")] public string? Date { get; init; }
    [JsonPropertyName("time_precision")] public int TimePrecision { get; init; } = 1;
    [JsonPropertyName("fatalities")] public int? Fatalities { get; init; }
}

/// <summary>A sentence or short excerpt written in the patterns of real conflict reporting, with its gold events.</summary>
public sealed record EventsItem
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("conflict")] public required string Conflict { get; init; }
    [JsonPropertyName("style")] public string? Style { get; init; }
    [JsonPropertyName("published")] public required string Published { get; init; }
    [JsonPropertyName("text")] public required string Text { get; init; }
    [JsonPropertyName("events")] public GoldEvent[] Events { get; init; } = [];
    [JsonPropertyName("note")] public string? Note { get; init; }

    /// <summary>Gaza, Israel, Lebanon and the West Bank: the issue reports them apart.</summary>
    public bool IsGazaRegion => Conflict is "gaza" or "israel" or "lebanon" or "west-bank";
}

public static class EventsCorpus
{
    public const string Development = "events-dev.jsonl";
    public const string Sealed = "events-sealed.jsonl";

    public static IReadOnlyList<EventsItem> Read(string fileName) => RealReportingCorpus.ReadJsonLines<EventsItem>(fileName);
}
