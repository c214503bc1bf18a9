namespace CareFlow.Infrastructure.Email;

/// <summary>SMTP settings, bound to the "Smtp" section. Setting <see cref="Host"/> switches email from the outbox folder to SMTP.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>Default sender mailbox, e.g. "CareFlow &lt;careflow@example.org&gt;".</summary>
    public string? From { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Require TLS. Only a loopback host may turn this off.</summary>
    public bool UseStartTls { get; set; } = true;
}
