namespace CareFlow.Core.Outbox;

/// <summary>Where an outbox message stands.</summary>
public enum OutboxStatus
{
    /// <summary>Waiting to be sent at <see cref="OutboxMessage.NextAttemptAt"/>.</summary>
    Pending,

    /// <summary>Claimed by a dispatcher until <see cref="OutboxMessage.LockedUntil"/>; an expired claim is retried (same Message-ID).</summary>
    Sending,

    /// <summary>Accepted by the mail server (or written to the outbox folder); never sent again.</summary>
    Sent,

    /// <summary>Refused permanently (5xx) or out of attempts; an incident was raised.</summary>
    Failed,

    /// <summary>No longer wanted (e.g. the referral was cancelled before the reminder went out).</summary>
    Cancelled,
}
