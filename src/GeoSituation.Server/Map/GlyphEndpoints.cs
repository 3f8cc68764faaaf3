using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.FileProviders;

namespace GeoSituation.Server.Map;

/// <summary>
/// <c>GET /fonts/{fontstack}/{range}.pbf</c>: the SDF glyphs MapLibre draws labels with, built by
/// ClientApp/build.js and kept under wwwroot/fonts/{font name}/.
/// </summary>
internal static partial class GlyphEndpoints
{
    private const int RangeSize = 256;

    public static void MapGlyphs(this IEndpointRouteBuilder app) =>
        app.MapGet("/fonts/{fontstack}/{range}.pbf", GetGlyphs)
            .WithName("GetGlyphs")
            .WithSummary("Glyph PBFs for map labels")
            .WithTags("Map");

    private static IResult GetGlyphs(string fontstack, string range, IWebHostEnvironment env, HttpContext http)
    {
        var match = RangePattern().Match(range);
        if (!match.Success
            || !int.TryParse(match.Groups[1].ValueSpan, out var start)
            || !int.TryParse(match.Groups[2].ValueSpan, out var end)
            || start % RangeSize != 0 || end != start + RangeSize - 1 || end > 65535)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid glyph range",
                detail: "The range must look like 0-255: a multiple of 256 to 255 more, within 0-65535.");
        }

        // A style may list fallbacks ("Noto Sans Regular,Arial Unicode MS Regular"); we serve the first
        // stack we have. Names come from the URL, so they are only ever compared, never joined into paths.
        var fonts = env.WebRootFileProvider.GetDirectoryContents("fonts");
        var stack = fontstack.Split(',', StringSplitOptions.TrimEntries)
            .Select(name => fonts.FirstOrDefault(f => f.IsDirectory && f.Name == name))
            .FirstOrDefault(f => f is not null);
        if (stack is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown font stack",
                detail: "Available font stacks: " + string.Join(", ", fonts.Where(f => f.IsDirectory).Select(f => f.Name)));
        }

        http.Response.Headers.CacheControl = "public, max-age=86400";
        var file = env.WebRootFileProvider.GetFileInfo($"fonts/{stack.Name}/{start}-{end}.pbf");
        if (file.Exists && file.PhysicalPath is not null)
        {
            return TypedResults.PhysicalFile(file.PhysicalPath, "application/x-protobuf");
        }

        // Ranges we did not build (CJK, symbols...) get a valid empty PBF: MapLibre then draws the
        // rest of the label instead of failing the whole tile's symbols on a 404.
        return TypedResults.Bytes(EmptyRange(stack.Name, $"{start}-{end}"), "application/x-protobuf");
    }

    /// <summary>A glyphs message holding one fontstack with a name and range and no glyphs.</summary>
    internal static byte[] EmptyRange(string name, string range)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var rangeBytes = Encoding.UTF8.GetBytes(range);
        using var stack = new MemoryStream();
        WriteField(stack, 1, nameBytes);
        WriteField(stack, 2, rangeBytes);
        using var glyphs = new MemoryStream();
        WriteField(glyphs, 1, stack.ToArray());
        return glyphs.ToArray();
    }

    private static void WriteField(MemoryStream to, int field, byte[] bytes)
    {
        to.WriteByte((byte)((field << 3) | 2)); // wire type 2: length-delimited
        var length = (uint)bytes.Length;
        while (length >= 0x80)
        {
            to.WriteByte((byte)(length | 0x80));
            length >>= 7;
        }
        to.WriteByte((byte)length);
        to.Write(bytes);
    }

    [GeneratedRegex(@"^(\d{1,5})-(\d{1,5})$")]
    private static partial Regex RangePattern();
}
