namespace CareFlow.Core.Outbox;

/// <summary>
/// Queues emails in the caller's unit of work: the row is added to the scoped database context and commits with the
/// workflow burst or use case that caused it (never saved on its own). A key already queued is not queued again.
/// </summary>
public interface IEmailOutbox
{
    /// <summary>Adds the email; returns false when the key is already queued (in the database or in this unit of work).</summary>
    /// <exception cref="ArgumentException">The recipient is not one valid mailbox, or a header value holds CR/LF.</exception>
    Task<bool> EnqueueAsync(OutboxEmail email, CancellationToken cancellationToken = default);

    /// <summary>Cancels every unsent email about <paramref name="topic"/> (e.g. reminders of an answered referral), in the unit of work.</summary>
    Task<int> CancelPendingAsync(string topic, CancellationToken cancellationToken = default);
}
