using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GeoSituation.Cli.Tests.Infrastructure;

/// <summary>A real HTTP server on 127.0.0.1 serving fixed documents by path, so URL ingest is tested without the internet.</summary>
public sealed class LoopbackHttpServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Dictionary<string, (string ContentType, string Body)> documents;
    private readonly Dictionary<string, string> redirects;
    private readonly Task loop;

    /// <param name="documents">Bodies by path.</param>
    /// <param name="redirects">Paths answered with 302 and this Location.</param>
    public LoopbackHttpServer(Dictionary<string, (string ContentType, string Body)> documents, Dictionary<string, string>? redirects = null)
    {
        this.documents = documents;
        this.redirects = redirects ?? [];
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseAddress = $"http://127.0.0.1:{port}/";
        listener.Prefixes.Add(BaseAddress);
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public string BaseAddress { get; }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            var path = context.Request.Url!.AbsolutePath;
            if (redirects.TryGetValue(path, out var location))
            {
                context.Response.StatusCode = 302;
                context.Response.RedirectLocation = location;
            }
            else if (documents.TryGetValue(path, out var document))
            {
                var bytes = Encoding.UTF8.GetBytes(document.Body);
                context.Response.ContentType = document.ContentType;
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
            }
            else
            {
                context.Response.StatusCode = 404;
            }
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        try { loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }
}
