namespace GeoSituation.Server.Reliability;

/// <summary>
/// The response body of a streamed page, with a time limit on every write: a client that stops reading for
/// <see cref="ClientLimits.WriteTimeout"/> has its connection cut, so it cannot keep a response (and what it holds) alive forever.
/// </summary>
/// <remarks>
/// Kestrel's own minimum data rate only applies once its buffers are full and counts average bytes per second;
/// this limit counts the time of each write, which is what a stalled reader shows.
/// </remarks>
internal sealed class WriteDeadlineStream(HttpContext context, TimeSpan limit) : Stream
{
    private readonly Stream inner = context.Response.Body;

    /// <summary>The response body with the configured limit (<see cref="ClientLimits.WriteTimeout"/>).</summary>
    public static WriteDeadlineStream For(HttpContext context) =>
        new(context, context.RequestServices.GetRequiredService<ClientLimits>().WriteTimeout);

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        try
        {
            await inner.WriteAsync(buffer, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Cut();
            throw;
        }
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        try
        {
            await inner.FlushAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Cut();
            throw;
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void Cut()
    {
        context.RequestServices.GetRequiredService<ILogger<WriteDeadlineStream>>()
            .LogInformation("Cut {Path} for {Client}: the client read nothing for {Seconds} s", context.Request.Path, context.Connection.RemoteIpAddress, limit.TotalSeconds);
        context.Abort();
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() => throw new NotSupportedException("Streamed responses are written asynchronously.");
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("Streamed responses are written asynchronously.");
}
