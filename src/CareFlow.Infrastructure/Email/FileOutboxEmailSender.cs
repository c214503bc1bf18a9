using CareFlow.Core.Email;
using CareFlow.Infrastructure.Settings;
using MimeKit;

namespace CareFlow.Infrastructure.Email;

/// <summary>
/// Embedded default: writes each message as &lt;data&gt;/outbox/&lt;message-id&gt;.eml. A resend of the same Message-ID
/// replaces the file, matching SMTP resend semantics; the write goes through a temporary file so readers never see half.
/// </summary>
public sealed class FileOutboxEmailSender(MimeMessageFactory factory, CareFlowDataPaths paths) : IEmailSender
{
    // CRLF as on the wire, so an outbox file is the exact bytes SMTP DATA would carry.
    private static readonly FormatOptions CrLf = new() { NewLineFormat = NewLineFormat.Dos };

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var mime = factory.Create(message);
        Directory.CreateDirectory(paths.Outbox);
        var target = Path.Combine(paths.Outbox, MessageIds.ToFileName(message.MessageId) + ".eml");
        var temporary = Path.Combine(paths.Outbox, $".{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = File.Create(temporary))
            {
                await mime.WriteToAsync(CrLf, stream, cancellationToken);
            }

            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
