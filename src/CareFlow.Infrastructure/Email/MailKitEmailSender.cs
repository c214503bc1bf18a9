using CareFlow.Core.Email;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CareFlow.Infrastructure.Email;

/// <summary>
/// Sends over one pooled SMTP connection that is reused across messages (a singleton; sends are serialised by a gate).
/// The connection is opened on first use, re-opened after any protocol or I/O error, and closed after it has been idle
/// for <see cref="SmtpOptions.IdleTimeout"/>. TLS is required unless the host is loopback; MailKit fails rather than
/// downgrades when the server does not offer STARTTLS. Errors are thrown as MailKit reports them; the outbox classifies them.
/// </summary>
public sealed class MailKitEmailSender(MimeMessageFactory factory, IOptions<SmtpOptions> options, ILogger<MailKitEmailSender>? logger = null)
    : IEmailSender, IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    // The container disposes this singleton twice: once as itself and once through the IEmailSender registration.
    private int _disposed;
    private readonly ILogger _logger = logger ?? NullLogger<MailKitEmailSender>.Instance;
    private TrackingSmtpClient? _client;
    private long _lastUsed;

    /// <summary>How many connections this sender opened (for tests and health: proves reuse).</summary>
    public int ConnectionsOpened { get; private set; }

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default) =>
        SendAsync(factory.Create(message), cancellationToken);

    /// <summary>Sends an already-built message; <see cref="SmtpDataUnknownException"/> when the outcome after DATA is unknown.</summary>
    public async Task SendAsync(MimeMessage mime, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var reused = _client is { IsConnected: true } && Environment.TickCount64 - _lastUsed < options.Value.IdleTimeout.TotalMilliseconds;
            try
            {
                await SendOnceAsync(mime, cancellationToken);
            }
            catch (Exception ex) when (reused && ex is not SmtpDataUnknownException && IsConnectionError(ex) && !cancellationToken.IsCancellationRequested)
            {
                // A pooled connection the server closed while idle: reconnect once. Nothing reached DATA, so no duplicate.
                _logger.LogDebug(ex, "Pooled SMTP connection was stale; reconnecting.");
                await ResetAsync();
                await SendOnceAsync(mime, cancellationToken);
            }
        }
        finally
        {
            _lastUsed = Environment.TickCount64;
            _gate.Release();
        }
    }

    private async Task SendOnceAsync(MimeMessage mime, CancellationToken cancellationToken)
    {
        var client = await ConnectedClientAsync(cancellationToken);
        client.RecipientsAccepted = false;
        try
        {
            await client.SendAsync(mime, cancellationToken);
        }
        catch (SmtpCommandException)
        {
            // The server answered with a status code: the connection is still good for the next message.
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var afterData = client.RecipientsAccepted;
            await ResetAsync();
            if (afterData && IsConnectionError(ex)) throw new SmtpDataUnknownException(ex);
            throw;
        }
    }

    private async Task<TrackingSmtpClient> ConnectedClientAsync(CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        if (_client is { IsConnected: true } && Environment.TickCount64 - _lastUsed < smtp.IdleTimeout.TotalMilliseconds) return _client;
        await ResetAsync();
        var host = smtp.Host ?? throw new InvalidOperationException("Smtp:Host is not configured.");
        var client = new TrackingSmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(host, smtp.Port, SocketOptions(smtp, host), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
            }
        }
        catch
        {
            client.Dispose();
            throw;
        }

        ConnectionsOpened++;
        _client = client;
        return client;
    }

    private async Task ResetAsync()
    {
        var client = _client;
        _client = null;
        if (client is null) return;
        try
        {
            if (client.IsConnected)
            {
                using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await client.DisconnectAsync(quit: true, quit.Token);
            }
        }
        catch (Exception ex)
        {
            _logger.LogDebug(ex, "Closing the SMTP connection failed.");
        }
        finally
        {
            client.Dispose();
        }
    }

    internal static bool IsConnectionError(Exception ex) =>
        ex is IOException or System.Net.Sockets.SocketException or SmtpProtocolException or MailKit.ServiceNotConnectedException or TimeoutException
            or OperationCanceledException;

    internal static SecureSocketOptions SocketOptions(SmtpOptions smtp, string host)
    {
        if (smtp.UseStartTls)
        {
            // Port 465 is implicit TLS (RFC 8314); every other port upgrades with STARTTLS.
            return smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        }

        return LoopbackHost.Is(host)
            ? SecureSocketOptions.None
            : throw new InvalidOperationException("Smtp:UseStartTls may be false only for a loopback host.");
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _gate.WaitAsync();
        try
        {
            await ResetAsync();
        }
        finally
        {
            _gate.Release();
        }

        _gate.Dispose();
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _client?.Dispose();
        _client = null;
        _gate.Dispose();
    }

    /// <summary>Remembers whether the server accepted the recipients, i.e. whether a failure came at or after DATA.</summary>
    private sealed class TrackingSmtpClient : SmtpClient
    {
        public bool RecipientsAccepted { get; set; }

        protected override void OnRecipientAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
        {
            RecipientsAccepted = true;
            base.OnRecipientAccepted(message, mailbox, response);
        }
    }
}
