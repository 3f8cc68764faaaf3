using System.Text.Json;
using GeoSituation.Core.Displacement;
using GeoSituation.Core.Events;
using GeoSituation.Core.Gazetteer;
using GeoSituation.Core.Geoparsing;
using GeoSituation.Postgis.Articles;

namespace GeoSituation.Cli.Analysis;

/// <summary>Writes one `analyze` output line (the JSONL contract of issue 2) for one input article.</summary>
internal static class AnalysisLine
{
    public static void Write(
        Utf8JsonWriter w, string id, string text, IReadOnlyList<Toponym> toponyms, IReadOnlyList<DisplacementFigure> displacement,
        IReadOnlyList<SituationEvent>? events = null)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteStartArray("toponyms");
        foreach (var t in toponyms)
        {
            w.WriteStartObject();
            w.WriteNumber("start", t.Span.Start);
            w.WriteNumber("end", t.Span.End);
            w.WriteString("name", t.Place.Name);
            w.WriteString("surface", text[t.Span.Start..t.Span.End]);
            w.WriteNumber("lat", t.Place.Latitude);
            w.WriteNumber("lon", t.Place.Longitude);
            WriteGeonameId(w, t.Place);
            w.WriteString("country", t.Place.CountryCode);
            w.WriteString("kind", t.Place.Kind.ToString());
            w.WriteNumber("confidence", t.Confidence);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("displacement");
        foreach (var d in displacement)
        {
            w.WriteStartObject();
            w.WriteNumber("people", d.People);
            WriteNullable(w, "low", d.Low);
            WriteNullable(w, "high", d.High);
            w.WriteString("qualifier", d.Qualifier);
            w.WriteString("text", d.NumberText);
            w.WriteNumber("start", d.Span.Start);
            w.WriteNumber("end", d.Span.End);
            w.WriteString("direction", WireNames.Of(d.Direction));
            WritePlace(w, "place", d.Place);
            WritePlace(w, "origin", d.Origin);
            if (d.AsOf is { } asOf) w.WriteString("as_of", asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            else w.WriteNull("as_of");
            w.WriteString("as_of_basis", d.AsOfBasis.ToString().ToLowerInvariant());
            w.WriteNumber("confidence", d.Confidence);
            w.WriteString("unit", WireNames.Of(d.Unit));
            w.WriteNumber("stated_count", d.StatedCount);
            WriteNullable(w, "household_size", d.HouseholdSize);
            w.WriteString("movement", WireNames.Of(d.Movement));
            w.WriteString("source_agency", d.SourceAgency);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("events");
        foreach (var e in events ?? [])
        {
            w.WriteStartObject();
            w.WriteString("type", WireNames.Of(e.Type));
            w.WriteString("sub_type", e.SubType);
            WritePlace(w, "place", e.Place);
            if (e.Date is { } date) w.WriteString("date", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            else w.WriteNull("date");
            w.WriteNumber("geo_precision", e.GeoPrecision);
            w.WriteNumber("time_precision", e.TimePrecision);
            WriteNullable(w, "fatalities", e.Fatalities);
            w.WriteNumber("start", e.Sentence.Start);
            w.WriteNumber("end", e.Sentence.End);
            w.WriteNumber("confidence", e.Confidence);
            w.WriteString("actor1", e.Actor1?.Name);
            WriteNullable(w, "inter1", AcledCodes.Inter(e.Actor1));
            w.WriteString("actor2", e.Actor2?.Name);
            WriteNullable(w, "inter2", AcledCodes.Inter(e.Actor2));
            WriteNullable(w, "interaction", AcledCodes.Interaction(e.Actor1, e.Actor2));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WritePlace(Utf8JsonWriter w, string name, GazetteerEntry? place)
    {
        if (place is null)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartObject(name);
        w.WriteString("name", place.Name);
        w.WriteNumber("lat", place.Latitude);
        w.WriteNumber("lon", place.Longitude);
        WriteGeonameId(w, place);
        w.WriteEndObject();
    }

    // Hand-kept regions without a GeoNames id in our sources and P-coded areas have our own negative ids, which are
    // not GeoNames ids (docs/geoparsing.md, "Ids and points per kind of place").
    private static void WriteGeonameId(Utf8JsonWriter w, GazetteerEntry place)
    {
        if (place.Id > 0) w.WriteNumber("geonameid", place.Id);
        else w.WriteNull("geonameid");
        w.WriteNumber("placeId", place.Id);
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }
}
