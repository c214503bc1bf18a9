namespace CareFlow.Infrastructure.Email;

/// <summary>
/// The connection failed after the server had accepted the recipients (during or after DATA): the message may or may
/// not have been delivered. RFC 5321 §4.1.1.4 / §6.1: resend it, with the same Message-ID.
/// </summary>
public sealed class SmtpDataUnknownException : IOException
{
    public SmtpDataUnknownException(Exception inner)
        : base("The SMTP connection failed after DATA; the outcome is unknown.", inner)
    {
    }

    public SmtpDataUnknownException()
    {
    }

    public SmtpDataUnknownException(string message)
        : base(message)
    {
    }

    public SmtpDataUnknownException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
