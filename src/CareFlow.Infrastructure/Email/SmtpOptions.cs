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

    /// <summary>Per-command timeout (connect, each reply); a hung server is treated as a connection error.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The pooled connection is closed and re-opened when it has been idle this long.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
