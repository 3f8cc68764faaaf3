using System.Text.Json;

namespace GeoSituation.Server.Tiles.Raster;

/// <summary>One drawable layer of the map style (background, fill, line or circle).</summary>
internal sealed record StyleLayer(string Id, string Type, string? Source, string? SourceLayer, double MinZoom, double MaxZoom,
    JsonElement? Filter, JsonElement Paint, JsonElement Layout)
{
    public bool ShowsAt(double zoom) => zoom >= MinZoom && zoom < MaxZoom;

    /// <summary>The paint (or layout) property evaluated for a feature, or null when absent or not evaluable.</summary>
    public object? Get(string property, JsonElement properties, double zoom)
    {
        foreach (var block in new[] { Paint, Layout })
        {
            if (block.ValueKind == JsonValueKind.Object && block.TryGetProperty(property, out var value))
            {
                return StyleExpression.Evaluate(value, properties, zoom);
            }
        }
        return null;
    }

    public double Number(string property, JsonElement properties, double zoom, double fallback) =>
        StyleExpression.ToNumber(Get(property, properties, zoom)) is { } n && double.IsFinite(n) ? n : fallback;

    public SkiaSharp.SKColor Color(string property, JsonElement properties, double zoom, SkiaSharp.SKColor fallback) =>
        StyleExpression.ToColor(Get(property, properties, zoom)) ?? fallback;

    public bool Accepts(JsonElement properties, double zoom) =>
        Filter is not { } filter || StyleExpression.Truthy(StyleExpression.Evaluate(filter, properties, zoom));
}

/// <summary>
/// The map page's style (Map/style.json, embedded) read as the raster renderer's drawing list: the same
/// colours, sizes and filters. Symbol (text) layers are not drawn in raster tiles.
/// </summary>
internal static class RasterStyle
{
    private static readonly Lazy<IReadOnlyList<StyleLayer>> LayersValue = new(Load);

    /// <summary>The drawable layers, bottom to top.</summary>
    public static IReadOnlyList<StyleLayer> Layers => LayersValue.Value;

    // The mentions source has no layer in the map's style (the map shows places, which count them):
    // raster mentions are small dots in the places colour.
    private const string MentionsLayer = """
        {"id":"mentions","type":"circle","source":"mentions","source-layer":"mentions",
         "paint":{"circle-radius":2.5,"circle-color":"#2471a3","circle-opacity":0.5}}
        """;

    private static List<StyleLayer> Load()
    {
        using var stream = typeof(RasterStyle).Assembly.GetManifestResourceStream("GeoSituation.Server.Map.style.json")
            ?? throw new InvalidOperationException("Map/style.json is not embedded in the server assembly.");
        using var style = JsonDocument.Parse(stream);
        var layers = style.RootElement.GetProperty("layers").EnumerateArray().Select(l => l.Clone()).ToList();
        // Placed under the places circles, which summarise them.
        var placesIndex = layers.FindIndex(l => l.GetProperty("id").GetString() == "places");
        layers.Insert(placesIndex < 0 ? layers.Count : placesIndex, JsonDocument.Parse(MentionsLayer).RootElement.Clone());
        return layers
            .Where(l => l.GetProperty("type").GetString() is "background" or "fill" or "line" or "circle")
            .Select(l => new StyleLayer(
                l.GetProperty("id").GetString()!,
                l.GetProperty("type").GetString()!,
                l.TryGetProperty("source", out var source) ? source.GetString() : null,
                l.TryGetProperty("source-layer", out var sourceLayer) ? sourceLayer.GetString() : null,
                l.TryGetProperty("minzoom", out var min) ? min.GetDouble() : 0,
                l.TryGetProperty("maxzoom", out var max) ? max.GetDouble() : 24,
                l.TryGetProperty("filter", out var filter) ? filter : null,
                l.TryGetProperty("paint", out var paint) ? paint : default,
                l.TryGetProperty("layout", out var layout) ? layout : default))
            .ToList();
    }
}
