using CareFlow.Core.Email;

namespace CareFlow.Infrastructure.Email;

/// <summary>Hands one message to the mail system (SMTP, or the outbox folder in the embedded default).</summary>
public interface IEmailSender
{
    /// <summary>
    /// Sends <paramref name="message"/>. Sending the same <see cref="EmailMessage.MessageId"/> twice is a resend of
    /// the same logical email, so callers may retry after an unknown outcome.
    /// </summary>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
