namespace CareFlow.Core.Outbox;

/// <summary>
/// One logical email, written in the same transaction as the workflow step or use case that causes it. The rendered
/// content is stored so that every attempt sends the same bytes with the same Message-ID.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    /// <summary>The idempotency key (instance or subject / step / recipient / template@version); unique.</summary>
    public string Key { get; set; } = "";

    /// <summary>Derived from <see cref="Key"/>, so it is stable across resends.</summary>
    public string MessageId { get; set; } = "";

    /// <summary>Template name and version, e.g. <c>new-referral@1</c>.</summary>
    public string Template { get; set; } = "";

    /// <summary>Sender mailbox ("Name &lt;address&gt;").</summary>
    public string From { get; set; } = "";

    /// <summary>The single recipient.</summary>
    public string To { get; set; } = "";

    public string Subject { get; set; } = "";

    public string TextBody { get; set; } = "";

    public string? HtmlBody { get; set; }

    /// <summary>What the email is about, e.g. <c>referral:{id}</c>; used to cancel reminders and to route failures.</summary>
    public string? Topic { get; set; }

    public string? WorkflowInstanceId { get; set; }

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>A scheduled email (a reminder) is not sent before this time, which is also its Date header.</summary>
    public DateTimeOffset? SendAfter { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public Guid? LockToken { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset? FailedAt { get; set; }

    /// <summary>Set once the failure observers ran; a failed row without it is handed to them again (at least once).</summary>
    public DateTimeOffset? FailureHandledAt { get; set; }

    /// <summary>The last SMTP reply or error (never the message content).</summary>
    public string? LastError { get; set; }
}
