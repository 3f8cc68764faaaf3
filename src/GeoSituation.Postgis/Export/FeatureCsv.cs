using GeoSituation.Core.Gazetteer;
using GeoSituation.Postgis.Features;

namespace GeoSituation.Postgis.Export;

/// <summary>The column layouts a collection's CSV can take.</summary>
public enum CsvSchema
{
    /// <summary>Our properties in catalogue order with an HXL hashtag row (<see cref="HxlCsvWriter"/>).</summary>
    Hxl,

    /// <summary>ACLED's export layout, events only, one row per claim (<see cref="AcledCsvWriter"/>).</summary>
    Acled,
}

/// <summary>Writes features as CSV rows after a header.</summary>
public interface IFeatureCsvWriter
{
    Task WriteHeaderAsync(CancellationToken cancellationToken = default);

    Task WriteAsync(FeatureRow row, CancellationToken cancellationToken = default);
}

/// <summary>Picks the CSV writer for a schema; shared by /collections/{id}/items?f=csv and `geosituation export --format csv`.</summary>
public static class FeatureCsv
{
    /// <summary>The schema names, as `schema=` and `--schema` take them.</summary>
    public static IReadOnlyList<string> SchemaNames { get; } = ["hxl", "acled"];

    /// <summary>A schema by name; null (no schema given) is <see cref="CsvSchema.Hxl"/>.</summary>
    public static bool TryParseSchema(string? name, out CsvSchema schema)
    {
        schema = name == "acled" ? CsvSchema.Acled : CsvSchema.Hxl;
        return name is null or "hxl" or "acled";
    }

    /// <summary>True when the collection can be written in the schema: ACLED's layout describes events only.</summary>
    public static bool Supports(FeatureCollectionInfo collection, CsvSchema schema) =>
        schema == CsvSchema.Hxl || collection.Id == "events";

    /// <summary>The query a schema reads: ACLED's layout has one row per event, so one feature per claim.</summary>
    public static FeatureQuery Query(FeatureQuery query, CsvSchema schema) =>
        schema == CsvSchema.Acled ? query with { OnePerClaim = true } : query;

    /// <param name="countries">ISO codes and names for ACLED's iso, country and event_id_cnty; unused by the HXL layout.</param>
    /// <param name="hashtags">False leaves out the HXL hashtag row, for tools that read the second line as data.</param>
    public static IFeatureCsvWriter Create(TextWriter writer, FeatureCollectionInfo collection, CsvSchema schema, Func<CountryCodes> countries, bool hashtags = true) =>
        schema == CsvSchema.Acled ? new AcledCsvWriter(writer, countries()) : new HxlCsvWriter(writer, collection, hashtags);
}
