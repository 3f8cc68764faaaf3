using GeoSituation.Postgis.Features;

namespace GeoSituation.Postgis.Export;

/// <summary>One CSV column: its header, its HXL hashtag (empty when HXL has no fitting tag) and where its value comes from.</summary>
/// <param name="Property">The feature property, or null for the id and the coordinates.</param>
public sealed record HxlColumn(string Header, string Hashtag, string? Property, string Type);

/// <summary>
/// The columns of a collection's CSV and their HXL hashtags (https://hxlstandard.org), so HDX and the
/// humanitarian tools that read HXL recognise place, P-code, coordinates, people displaced, date, source and URL.
/// </summary>
public static class HxlColumns
{
    public const string LatitudeHeader = "lat";
    public const string LongitudeHeader = "lon";

    // The tags the product contract names (issue 4), by property name; other columns get the closest core tag or none.
    private static readonly Dictionary<string, string> TagsByProperty = new(StringComparer.Ordinal)
    {
        ["name"] = "#loc+name",
        ["place"] = "#loc+name",
        ["destination"] = "#loc+name",
        ["origin"] = "#loc+name+origin",
        ["pcode"] = "#adm1+code",
        ["people"] = "#affected+idps",
        ["low"] = "#affected+idps+min",
        ["high"] = "#affected+idps+max",
        ["event_type"] = "#event+type",
        ["sub_type"] = "#event+type+sub",
        ["fatalities"] = "#affected+killed",
        ["country"] = "#country+code",
        ["geonameid"] = "#loc+code+geonames",
        ["source"] = "#meta+source",
        ["article_title"] = "#meta+title",
        ["source_agency"] = "#org+source",
        ["stated_count"] = "#affected+num",
        ["movement"] = "#affected+type",
        ["title"] = "#meta+title",
        ["url"] = "#meta+url",
        ["article_url"] = "#meta+url",
        ["article_id"] = "#meta+id+article",
        ["quote"] = "#description",
        ["confidence"] = "#meta+confidence",
    };

    // The date a row is "reported" for, per collection: the one column tagged #date+reported.
    private static readonly Dictionary<string, string> ReportedDate = new(StringComparer.Ordinal)
    {
        ["places"] = "last_seen",
        ["mentions"] = "seen_at",
        ["displacement"] = "as_of",
        ["events"] = "date",
        ["flows"] = "as_of",
        ["articles"] = "published",
    };

    /// <summary>fid, the collection's properties in catalogue order, then lat/lon for collections with geometry.</summary>
    public static IReadOnlyList<HxlColumn> For(FeatureCollectionInfo collection)
    {
        var columns = new List<HxlColumn> { new("fid", "#meta+id", null, "integer") };
        ReportedDate.TryGetValue(collection.Id, out var reported);
        foreach (var property in collection.Properties)
        {
            var tag = property.Name == reported ? "#date+reported" : TagsByProperty.GetValueOrDefault(property.Name, "");
            columns.Add(new HxlColumn(property.Name, tag, property.Name, property.Type));
        }
        if (collection.GeometryType is not null)
        {
            columns.Add(new HxlColumn(LatitudeHeader, "#geo+lat", null, "number"));
            columns.Add(new HxlColumn(LongitudeHeader, "#geo+lon", null, "number"));
        }
        return columns;
    }
}
