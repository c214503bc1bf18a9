using MimeKit;

namespace CareFlow.IntegrationTests.Email;

/// <summary>Reads what the SMTP test server received: polls its dump folder until a message with the given id arrives.</summary>
public static class SmtpDump
{
    public static async Task<MimeMessage> WaitForAsync(string dumpFolder, string messageId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            foreach (var file in Directory.EnumerateFiles(dumpFolder, "*.eml").Where(seen.Add))
            {
                var message = await MimeMessage.LoadAsync(file, cancellationToken);
                if (message.MessageId == messageId)
                {
                    return message;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No message with Message-ID <{messageId}> reached {dumpFolder} within {timeout.TotalSeconds} s.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }
}
