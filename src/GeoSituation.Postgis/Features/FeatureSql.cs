using System.Text;
using GeoSituation.Postgis.Database;

namespace GeoSituation.Postgis.Features;

/// <summary>
/// The SQL that turns a row of a collection's view into the GeoJSON Feature the API serves, derived once per collection
/// from its catalogue entry: PostgreSQL writes each Feature's complete text and the server only streams it.
/// </summary>
internal static class FeatureSql
{
    // json_build_object takes at most 100 arguments: 50 properties per call, longer lists are joined as text.
    private const int PairsPerCall = 50;

    /// <summary>The FROM item: the view, plus its properties as jsonb when some must be re-typed on the way out.</summary>
    public static string Source(FeatureCollectionInfo collection) => SqlText.QuoteIdentifier(collection.View) + Retyping(collection);

    /// <summary>
    /// A page of the view: the rows are filtered, ordered and cut to the page first, and only the page's rows are
    /// re-typed (a lateral join over the whole view would convert every matching row's properties before the LIMIT).
    /// </summary>
    public static string Page(FeatureCollectionInfo collection, string where, string order, string limit) =>
        $"(SELECT fid, geom, properties FROM {SqlText.QuoteIdentifier(collection.View)}{where} ORDER BY fid {order} LIMIT {limit}) AS page"
        + Retyping(collection);

    private static string Retyping(FeatureCollectionInfo collection) =>
        NeedsRetyping(collection) ? " CROSS JOIN LATERAL (SELECT properties::jsonb AS stored) AS retyped" : "";

    /// <summary>The Feature's text: id, geometry (6 decimals), properties as the catalogue types them.</summary>
    public static string FeatureText(FeatureCollectionInfo collection) =>
        """'{"type":"Feature","id":' || fid || ',"geometry":' || COALESCE(ST_AsGeoJSON(geom, 6), 'null') || ',"properties":' || """
        + PropertiesText(collection) + " || '}'";

    /// <summary>
    /// The view's own json text when every property is served as stored (the common, cheapest case); otherwise the
    /// object rebuilt in catalogue order with 64-bit ids as text (<see cref="FeatureProperty.IntegerText"/>).
    /// </summary>
    private static string PropertiesText(FeatureCollectionInfo collection)
    {
        if (!NeedsRetyping(collection)) return "properties::text";
        var calls = collection.Properties.Chunk(PairsPerCall).Select(chunk =>
        {
            var call = new StringBuilder("json_build_object(");
            call.AppendJoin(", ", chunk.Select(p => $"{Literal(p.Name)}, stored{(p.IntegerText ? "->>" : "->")}{Literal(p.Name)}"));
            return call.Append(")::text").ToString();
        }).ToList();
        if (calls.Count == 1) return calls[0];
        // {"a" : 1} and {"b" : 2} become {"a" : 1, "b" : 2}: each object without its closing or opening brace.
        var joined = new StringBuilder("(left(").Append(calls[0]).Append(", -1)");
        for (var i = 1; i < calls.Count; i++)
        {
            joined.Append(" || ', ' || ").Append(i < calls.Count - 1 ? $"substr(left({calls[i]}, -1), 2)" : $"substr({calls[i]}, 2)");
        }
        return joined.Append(')').ToString();
    }

    private static bool NeedsRetyping(FeatureCollectionInfo collection) => collection.Properties.Any(p => p.IntegerText);

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
