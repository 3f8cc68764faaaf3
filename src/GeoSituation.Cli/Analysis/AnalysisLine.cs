using System.Text.Json;
using GeoSituation.Core.Displacement;
using GeoSituation.Core.Gazetteer;
using GeoSituation.Core.Geoparsing;

namespace GeoSituation.Cli.Analysis;

/// <summary>Writes one `analyze` output line (the JSONL contract of issue 2) for one input article.</summary>
internal static class AnalysisLine
{
    public static void Write(
        Utf8JsonWriter w, string id, string text, IReadOnlyList<Toponym> toponyms, IReadOnlyList<DisplacementFigure> displacement)
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
            w.WriteNumber("start", d.Span.Start);
            w.WriteNumber("end", d.Span.End);
            if (d.Place is null)
            {
                w.WriteNull("place");
            }
            else
            {
                w.WriteStartObject("place");
                w.WriteString("name", d.Place.Name);
                w.WriteNumber("lat", d.Place.Latitude);
                w.WriteNumber("lon", d.Place.Longitude);
                WriteGeonameId(w, d.Place);
                w.WriteEndObject();
            }
            w.WriteNumber("confidence", d.Confidence);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("events");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    // Countries, regions and admin areas have our own negative ids, which are not GeoNames ids.
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
}
