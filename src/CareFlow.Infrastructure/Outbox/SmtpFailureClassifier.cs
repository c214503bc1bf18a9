using CareFlow.Infrastructure.Email;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace CareFlow.Infrastructure.Outbox;

/// <summary>Maps a send exception to what the outbox does next, and a short reason (the server's reply; never content).</summary>
public static class SmtpFailureClassifier
{
    public static (SmtpFailureKind Kind, string Reason) Classify(Exception exception) => exception switch
    {
        SmtpCommandException c when IsAuthentication(c.StatusCode) => (SmtpFailureKind.Configuration, "authentication: " + Reply(c)),
        SmtpCommandException c when (int)c.StatusCode >= 500 => (SmtpFailureKind.Permanent, Reply(c)),
        SmtpCommandException c => (SmtpFailureKind.Transient, Reply(c)),
        SmtpDataUnknownException e => (SmtpFailureKind.Unknown, "unknown after DATA: " + e.InnerException?.GetType().Name),
        AuthenticationException e => (SmtpFailureKind.Configuration, "authentication failed: " + e.Message),
        MailKit.ServiceNotAuthenticatedException e => (SmtpFailureKind.Configuration, "authentication required: " + e.Message),
        NotSupportedException e => (SmtpFailureKind.Configuration, e.Message),
        InvalidOperationException e => (SmtpFailureKind.Configuration, e.Message),
        ArgumentException e => (SmtpFailureKind.Permanent, "invalid message: " + e.Message),
        _ => (SmtpFailureKind.Transient, exception.GetType().Name + ": " + exception.Message),
    };

    /// <summary>530 authentication required, 534 mechanism too weak, 535 credentials invalid: the account, not the email.</summary>
    private static bool IsAuthentication(SmtpStatusCode code) =>
        code is SmtpStatusCode.AuthenticationRequired or SmtpStatusCode.AuthenticationMechanismTooWeak or SmtpStatusCode.AuthenticationInvalidCredentials;

    private static string Reply(SmtpCommandException c) => $"{(int)c.StatusCode} {c.ErrorCode}: {c.Message}";
}
