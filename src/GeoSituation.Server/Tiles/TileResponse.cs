using System.IO.Compression;
using Microsoft.Net.Http.Headers;

namespace GeoSituation.Server.Tiles;

/// <summary>
/// Writes a cached tile in the encoding the client takes (Brotli, gzip or none), each encoding compressed once
/// and kept with the tile: a map on a slow link gets a third of the bytes, and the server does not compress the
/// same tile for every request. Each encoding has its own ETag, as RFC 9110 asks of different representations.
/// </summary>
internal static class TileResponse
{
    public static Task WriteAsync(HttpContext context, TileCache.CachedTile tile, string cacheControl, string cacheResult)
    {
        var request = context.Request;
        var response = context.Response;
        var encoding = ChooseEncoding(request);
        var (bytes, etag) = encoding is null ? (tile.Bytes, tile.ETag) : tile.Encoded(encoding);
        var headers = response.Headers;
        headers.ETag = etag;
        headers["X-Tile-Cache"] = cacheResult;
        headers.CacheControl = cacheControl;
        headers.Vary = HeaderNames.AcceptEncoding;
        if (request.Headers.IfNoneMatch.Contains(etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        if (encoding is not null) headers.ContentEncoding = encoding;
        response.ContentType = TileEndpoints.MvtContentType;
        response.ContentLength = bytes.Length;
        // No cancellation token: RequestAborted would allocate one per request, and a gone client fails the write anyway.
        return response.Body.WriteAsync(bytes).AsTask();
    }

    /// <summary>"br" or "gzip" when the client accepts it, null for the tile as stored.</summary>
    private static string? ChooseEncoding(HttpRequest request)
    {
        var accept = request.Headers.AcceptEncoding;
        // A request with credentials is never compressed (CompressionGuardMiddleware: BREACH).
        if (accept.Count == 0 || request.Headers.Authorization.Count > 0 || request.Headers.Cookie.Count > 0) return null;
        double brotli = 0, gzip = 0;
        foreach (var value in request.GetTypedHeaders().AcceptEncoding)
        {
            var quality = value.Quality ?? 1;
            if (value.Value.Equals("br", StringComparison.OrdinalIgnoreCase)) brotli = quality;
            else if (value.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase)) gzip = quality;
        }
        return brotli > 0 && brotli >= gzip ? "br" : gzip > 0 ? "gzip" : null;
    }

    /// <summary>The tile compressed once; Brotli at quality 5 (a 300 KB tile in a few milliseconds, near Optimal's size).</summary>
    internal static byte[] Compress(byte[] tile, string encoding)
    {
        using var buffer = new MemoryStream(tile.Length / 2 + 64);
        using (Stream compressor = encoding == "br"
            ? new BrotliStream(buffer, new BrotliCompressionOptions { Quality = 5 })
            : new GZipStream(buffer, CompressionLevel.Optimal))
        {
            compressor.Write(tile);
        }
        return buffer.ToArray();
    }
}
