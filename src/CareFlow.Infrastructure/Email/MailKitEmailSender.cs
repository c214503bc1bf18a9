using CareFlow.Core.Email;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace CareFlow.Infrastructure.Email;

/// <summary>
/// Sends over SMTP with one connection per message (pooling comes with the outbox). TLS is required unless the host is
/// loopback; MailKit fails rather than downgrades when the server does not offer STARTTLS.
/// </summary>
public sealed class MailKitEmailSender(MimeMessageFactory factory, IOptions<SmtpOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var smtp = options.Value;
        var host = smtp.Host ?? throw new InvalidOperationException("Smtp:Host is not configured.");
        var mime = factory.Create(message);

        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync(host, smtp.Port, SocketOptions(smtp, host), cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

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
}
