using System.Net.Http.Headers;

namespace CareFlow.Testing;

/// <summary>
/// HTTP to the SMTP rig's control API (tests/tools/smtp_server.py): a fresh connection per request, and one retry
/// when the connection ends without a reply. Every control call is idempotent (set a mode, reset, read), so a retry
/// cannot change what a test sees; it only keeps a dropped connection of the rig from failing an unrelated test.
/// </summary>
public sealed class RigControlHandler : DelegatingHandler
{
    /// <summary>A handler over its own socket handler (no pooled connections).</summary>
    public RigControlHandler()
        : base(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero })
    {
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var contentType = request.Content?.Headers.ContentType;
        try
        {
            return await base.SendAsync(Copy(request, body, contentType), cancellationToken);
        }
        catch (HttpRequestException) when (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(200, cancellationToken);
            return await base.SendAsync(Copy(request, body, contentType), cancellationToken);
        }
    }

    private static HttpRequestMessage Copy(HttpRequestMessage request, byte[]? body, MediaTypeHeaderValue? contentType)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri);
        copy.Headers.ConnectionClose = true;
        if (body is not null)
        {
            copy.Content = new ByteArrayContent(body);
            copy.Content.Headers.ContentType = contentType;
        }
        return copy;
    }
}
