namespace CareFlow.Infrastructure.Email;

/// <summary>Message-ID checks and the file name an id gets in the outbox.</summary>
internal static class MessageIds
{
    public static string Normalize(string messageId)
    {
        var id = messageId.Trim().TrimStart('<').TrimEnd('>');
        if (id.Length == 0 || id.Length > 250 || id.Count(c => c == '@') != 1 || id.StartsWith('@') || id.EndsWith('@')
            || id.Any(c => c is <= ' ' or > '~' or '<' or '>'))
        {
            throw new ArgumentException("MessageId must look like local@domain, printable ASCII without spaces or angle brackets.", nameof(messageId));
        }

        return id;
    }

    /// <summary>Keeps letters, digits and . _ - @ so the id maps to one stable file name on every OS.</summary>
    public static string ToFileName(string messageId) =>
        new(Normalize(messageId).Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@' ? c : '_').ToArray());
}
