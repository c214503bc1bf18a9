namespace CareFlow.Infrastructure.Outbox;

/// <summary>How an attempt ended, which decides what the outbox does next.</summary>
public enum SmtpFailureKind
{
    /// <summary>4xx, connection or TLS error before DATA: retry with backoff.</summary>
    Transient,

    /// <summary>The connection failed after DATA: delivered or not, resend with the same Message-ID.</summary>
    Unknown,

    /// <summary>5xx or a message that can never be built: no retry, incident, failure path.</summary>
    Permanent,

    /// <summary>Authentication (530/534/535, AuthenticationException), TLS not offered, no host: pause the queue and alert.</summary>
    Configuration,
}
