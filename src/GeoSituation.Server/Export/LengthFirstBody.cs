using Microsoft.AspNetCore.WebUtilities;

namespace GeoSituation.Server.Export;

/// <summary>
/// A response body that is held back until it passes <see cref="SpoolBytes"/>: an answer that ends before then goes out
/// with a Content-Length, a larger one goes out chunked from that point on. GDAL's /vsicurl/ reads a file of unknown
/// length as empty, so `ogrinfo CSV:/vsicurl/.../items?f=csv` needs the length; memory stays bounded because
/// the held bytes go to a temporary file beyond 64 KiB.
/// </summary>
/// <remarks>
/// The rows are read from the database in keyset chunks either way: while bytes are held back nothing waits on the client.
/// </remarks>
internal sealed class LengthFirstBody(HttpContext context, Stream destination) : Stream
{
    /// <summary>The largest answer sent with a Content-Length (and so readable through /vsicurl/).</summary>
    public const long SpoolBytes = 64L * 1024 * 1024;

    private FileBufferingWriteStream? held = new(memoryThreshold: 64 * 1024);

    /// <summary>True once the answer outgrew the spool and is being sent chunked.</summary>
    public bool Streaming => held is null;

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (held is null)
        {
            await destination.WriteAsync(buffer, cancellationToken);
            return;
        }
        await held.WriteAsync(buffer, cancellationToken);
        if (held.Length > SpoolBytes)
        {
            // Too large to hold: send what is held and the rest as it comes, without a length.
            var spool = held;
            held = null;
            await spool.DrainBufferAsync(destination, cancellationToken);
            await spool.DisposeAsync();
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

    /// <summary>Ends the answer: what is still held goes out with its Content-Length.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (held is null)
        {
            await destination.FlushAsync(cancellationToken);
            return;
        }
        context.Response.ContentLength = held.Length;
        await held.DrainBufferAsync(destination, cancellationToken);
        await held.DisposeAsync();
        held = null;
        await destination.FlushAsync(cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) held?.Dispose();
        held = null;
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        if (held is not null) await held.DisposeAsync();
        held = null;
        await base.DisposeAsync();
    }

    // Flushes of the CSV writer must not push held bytes out: the length is only known at the end.
    public override void Flush() { }

    public override Task FlushAsync(CancellationToken cancellationToken) => held is null ? destination.FlushAsync(cancellationToken) : Task.CompletedTask;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
