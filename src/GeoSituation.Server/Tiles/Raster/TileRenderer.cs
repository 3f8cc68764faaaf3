using System.Text.Json;
using NetTopologySuite.Geometries;
using SkiaSharp;

namespace GeoSituation.Server.Tiles.Raster;

/// <summary>Draws a 256 px PNG tile with SkiaSharp from the features of its sources, layer by layer as the map style orders them.</summary>
internal static class TileRenderer
{
    public const int Size = 256;

    // Features arrive in 4096 units per tile side (ST_AsMVTGeom's extent): 16 units per pixel.
    private const float UnitsPerPixel = 4096f / Size;

    /// <param name="sourceIds">The sources requested; the sea background belongs to the basemap.</param>
    /// <param name="z">The tile's zoom. A 256 px tile at z shows what MapLibre (512 px tiles) shows at zoom z-1.</param>
    public static byte[] Render(IReadOnlyCollection<string> sourceIds, int z, IReadOnlyDictionary<string, List<RasterFeature>> features)
    {
        var zoom = Math.Max(0, z - 1);
        using var bitmap = new SKBitmap(new SKImageInfo(Size, Size, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Transparent);
            foreach (var layer in RasterStyle.Layers)
            {
                if (!layer.ShowsAt(zoom)) continue;
                if (layer.Type == "background")
                {
                    if (sourceIds.Contains("basemap")) canvas.Clear(layer.Color("background-color", default, zoom, SKColors.Black));
                    continue;
                }
                if (layer.Source is null || !features.TryGetValue(layer.Source, out var sourceFeatures)) continue;
                foreach (var feature in sourceFeatures)
                {
                    if (feature.SourceLayer != layer.SourceLayer || !layer.Accepts(feature.Properties, zoom)) continue;
                    switch (layer.Type)
                    {
                        case "fill": DrawFill(canvas, layer, feature, zoom); break;
                        case "line": DrawLine(canvas, layer, feature, zoom); break;
                        case "circle": DrawCircles(canvas, layer, feature, zoom); break;
                    }
                }
            }
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static void DrawFill(SKCanvas canvas, StyleLayer layer, RasterFeature feature, double zoom)
    {
        var color = StyleColor.WithOpacity(layer.Color("fill-color", feature.Properties, zoom, SKColors.Black), layer.Number("fill-opacity", feature.Properties, zoom, 1));
        if (color.Alpha == 0) return;
        using var path = new SKPath { FillType = SKPathFillType.EvenOdd };
        foreach (var polygon in Polygons(feature.Geometry))
        {
            AddRing(path, polygon.ExteriorRing, close: true);
            foreach (var hole in polygon.InteriorRings) AddRing(path, hole, close: true);
        }
        using var paint = new SKPaint { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill };
        canvas.DrawPath(path, paint);
    }

    private static void DrawLine(SKCanvas canvas, StyleLayer layer, RasterFeature feature, double zoom)
    {
        var p = feature.Properties;
        var color = StyleColor.WithOpacity(layer.Color("line-color", p, zoom, SKColors.Black), layer.Number("line-opacity", p, zoom, 1));
        var width = (float)layer.Number("line-width", p, zoom, 1);
        if (color.Alpha == 0 || width <= 0) return;
        using var path = new SKPath();
        foreach (var polygon in Polygons(feature.Geometry))
        {
            AddRing(path, polygon.ExteriorRing, close: true);
            foreach (var hole in polygon.InteriorRings) AddRing(path, hole, close: true);
        }
        foreach (var line in Lines(feature.Geometry)) AddRing(path, line, close: false);
        using var paint = new SKPaint
        {
            Color = color, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = width,
            StrokeCap = (layer.Get("line-cap", p, zoom) as string) switch { "round" => SKStrokeCap.Round, "square" => SKStrokeCap.Square, _ => SKStrokeCap.Butt },
            StrokeJoin = SKStrokeJoin.Round,
            // MapLibre dash lengths are in line widths.
            PathEffect = Dashes(layer, width),
        };
        canvas.DrawPath(path, paint);
    }

    private static SKPathEffect? Dashes(StyleLayer layer, float width)
    {
        if (layer.Paint.ValueKind != JsonValueKind.Object || !layer.Paint.TryGetProperty("line-dasharray", out var dashes)
            || dashes.ValueKind != JsonValueKind.Array || dashes.GetArrayLength() < 2 || dashes.GetArrayLength() % 2 != 0)
        {
            return null;
        }
        var intervals = dashes.EnumerateArray().Select(d => d.ValueKind == JsonValueKind.Number ? Math.Max(0.1f, (float)d.GetDouble() * width) : 1f).ToArray();
        return SKPathEffect.CreateDash(intervals, 0);
    }

    private static void DrawCircles(SKCanvas canvas, StyleLayer layer, RasterFeature feature, double zoom)
    {
        var p = feature.Properties;
        var radius = (float)layer.Number("circle-radius", p, zoom, 5);
        var fill = StyleColor.WithOpacity(layer.Color("circle-color", p, zoom, SKColors.Black), layer.Number("circle-opacity", p, zoom, 1));
        var strokeWidth = (float)layer.Number("circle-stroke-width", p, zoom, 0);
        var stroke = StyleColor.WithOpacity(layer.Color("circle-stroke-color", p, zoom, SKColors.Black), layer.Number("circle-stroke-opacity", p, zoom, 1));
        using var fillPaint = new SKPaint { Color = fill, IsAntialias = true, Style = SKPaintStyle.Fill };
        using var strokePaint = new SKPaint { Color = stroke, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = strokeWidth };
        foreach (var point in Points(feature.Geometry))
        {
            var centre = new SKPoint((float)point.X / UnitsPerPixel, (float)point.Y / UnitsPerPixel);
            if (fill.Alpha > 0 && radius > 0) canvas.DrawCircle(centre, radius, fillPaint);
            // MapLibre strokes a circle outside its radius.
            if (stroke.Alpha > 0 && strokeWidth > 0) canvas.DrawCircle(centre, radius + strokeWidth / 2, strokePaint);
        }
    }

    private static void AddRing(SKPath path, LineString ring, bool close)
    {
        var coordinates = ring.Coordinates;
        if (coordinates.Length < 2) return;
        path.MoveTo((float)coordinates[0].X / UnitsPerPixel, (float)coordinates[0].Y / UnitsPerPixel);
        for (var i = 1; i < coordinates.Length; i++) path.LineTo((float)coordinates[i].X / UnitsPerPixel, (float)coordinates[i].Y / UnitsPerPixel);
        if (close) path.Close();
    }

    private static IEnumerable<T> Parts<T>(Geometry geometry) where T : Geometry
    {
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is T part) yield return part;
        }
    }

    private static IEnumerable<Polygon> Polygons(Geometry geometry) => Parts<Polygon>(geometry);

    private static IEnumerable<LineString> Lines(Geometry geometry) => Parts<LineString>(geometry);

    private static IEnumerable<Point> Points(Geometry geometry) => Parts<Point>(geometry);
}
