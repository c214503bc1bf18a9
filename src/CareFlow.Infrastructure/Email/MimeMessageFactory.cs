using CareFlow.Core.Email;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CareFlow.Infrastructure.Email;

/// <summary>
/// Builds the MimeMessage that both senders deliver, so the outbox file is byte-for-byte what SMTP would carry.
/// Refuses CR/LF in anything that becomes a header (header injection) and headers that would add recipients.
/// </summary>
public sealed class MimeMessageFactory(TimeProvider timeProvider, IOptions<SmtpOptions> smtpOptions)
{
    public const string FallbackFrom = "CareFlow <careflow@localhost>";

    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "From", "Sender", "To", "Cc", "Bcc", "Subject", "Message-ID", "Date", "MIME-Version",
        "Content-Type", "Content-Transfer-Encoding", "Resent-To", "Resent-Cc", "Resent-Bcc",
    };

    public MimeMessage Create(EmailMessage message)
    {
        var from = string.IsNullOrEmpty(message.From) ? smtpOptions.Value.From ?? FallbackFrom : message.From;
        var mime = new MimeMessage { Date = message.Date ?? timeProvider.GetUtcNow() };
        mime.From.Add(ParseMailbox(from, nameof(message.From)));
        mime.To.Add(ParseMailbox(message.To, nameof(message.To)));
        mime.Subject = HeaderText.Require(message.Subject, nameof(message.Subject));
        mime.MessageId = MessageIds.Normalize(message.MessageId);
        foreach (var (name, value) in message.Headers ?? new Dictionary<string, string>())
        {
            HeaderText.RequireName(name);
            if (ReservedHeaders.Contains(name))
            {
                throw new ArgumentException($"Header '{name}' is set by the message itself and cannot be overridden.", nameof(message));
            }

            mime.Headers.Add(name, HeaderText.Require(value, name));
        }

        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        mime.Body = body.ToMessageBody();
        if (mime.Body is Multipart multipart)
        {
            // A boundary derived from the Message-ID, so that a resend of the same email is byte-identical.
            var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(mime.MessageId));
            multipart.Boundary = "=-careflow-" + Convert.ToHexStringLower(hash.AsSpan(0, 12));
        }

        return mime;
    }

    /// <summary>Refuses anything but one mailbox without CR/LF; returns it as it will appear in the header.</summary>
    /// <exception cref="ArgumentException">Not exactly one valid mailbox.</exception>
    public static string RequireMailbox(string value, string field) => ParseMailbox(value, field).ToString();

    private static MailboxAddress ParseMailbox(string value, string field)
    {
        HeaderText.Require(value, field);
        if (!MailboxAddress.TryParse(ParserOptions.Default, value, out var mailbox) || !mailbox.Address.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException($"{field} must be exactly one mailbox such as \"Name <name@example.org>\".", field);
        }

        return mailbox;
    }
}
