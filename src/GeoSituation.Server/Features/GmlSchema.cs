using System.Text;
using System.Xml;
using GeoSituation.Postgis.Features;

namespace GeoSituation.Server.Features;

/// <summary>
/// <c>/collections/{id}/schema</c>: the collection's properties as a GML 3.2 application schema (XSD), linked from
/// the collection as <c>describedBy</c>. GDAL's OAPIF driver (QGIS uses it) takes field types from it instead of
/// guessing them from the first page; a guess makes place_id a 32-bit integer when the first page holds only
/// towns, and the 12-digit negative ids of countries and regions further on are then truncated.
/// </summary>
internal static class GmlSchema
{
    public const string ContentType = "application/xml";
    private const string Xs = "http://www.w3.org/2001/XMLSchema";
    private const string Gml = "http://www.opengis.net/gml/3.2";

    public static string For(FeatureCollectionInfo collection, string targetNamespace)
    {
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true }))
        {
            xml.WriteStartElement("xs", "schema", Xs);
            xml.WriteAttributeString("xmlns", "gml", null, Gml);
            xml.WriteAttributeString("xmlns", "gs", null, targetNamespace);
            xml.WriteAttributeString("targetNamespace", targetNamespace);
            xml.WriteAttributeString("elementFormDefault", "qualified");
            xml.WriteAttributeString("version", "1.0");
            // No schemaLocation: GML's own schema is well known to clients and this server works offline.
            xml.WriteStartElement("import", Xs);
            xml.WriteAttributeString("namespace", Gml);
            xml.WriteEndElement();

            xml.WriteStartElement("element", Xs);
            xml.WriteAttributeString("name", collection.Id);
            xml.WriteAttributeString("type", "gs:" + collection.Id + "Type");
            xml.WriteAttributeString("substitutionGroup", "gml:AbstractFeature");
            xml.WriteEndElement();

            xml.WriteStartElement("complexType", Xs);
            xml.WriteAttributeString("name", collection.Id + "Type");
            xml.WriteStartElement("complexContent", Xs);
            xml.WriteStartElement("extension", Xs);
            xml.WriteAttributeString("base", "gml:AbstractFeatureType");
            xml.WriteStartElement("sequence", Xs);
            if (GeometryPropertyType(collection.GeometryType) is { } geometry) Element(xml, "geometry", geometry);
            foreach (var property in collection.Properties) Element(xml, property.Name, ValueType(property));
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();

            xml.WriteEndElement();
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + text;
    }

    private static void Element(XmlWriter xml, string name, string type)
    {
        xml.WriteStartElement("element", Xs);
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("minOccurs", "0");
        xml.WriteAttributeString("nillable", "true");
        xml.WriteEndElement();
    }

    // Every integer is 64-bit: ids are bigint in PostgreSQL, and a wider field costs a GIS user nothing.
    // Dates are typed so that GDAL makes Date/DateTime fields: as text, `-where "as_of >= '2024-05-01'"` compares strings
    // GDAL has rewritten as 2024/05/01, and matches every row.
    internal static string ValueType(FeatureProperty property) => (property.Type, property.Format) switch
    {
        ("integer", _) => "xs:long",
        ("number", _) => "xs:double",
        ("boolean", _) => "xs:boolean",
        ("string", "date") => "xs:date",
        ("string", "date-time") => "xs:dateTime",
        _ => "xs:string",
    };

    private static string? GeometryPropertyType(string? geoJsonType) => geoJsonType switch
    {
        null => null,
        "Point" => "gml:PointPropertyType",
        "LineString" => "gml:LineStringPropertyType",
        "Polygon" => "gml:SurfacePropertyType",
        "MultiPoint" => "gml:MultiPointPropertyType",
        "MultiLineString" => "gml:MultiCurvePropertyType",
        "MultiPolygon" => "gml:MultiSurfacePropertyType",
        _ => "gml:GeometryPropertyType",
    };
}
