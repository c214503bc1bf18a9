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

    /// <summary>
    /// Records an email that cannot be sent as it is (the recipient is not one valid mailbox) as already failed, so
    /// that its failure path runs exactly as for a permanent SMTP refusal.
    /// </summary>
    void AddRefused(OutboxEmail email, string reason);

    /// <summary>
    /// Cancels every unsent email about <paramref name="topic"/> (e.g. a completed task's reminder), in the unit of
    /// work; one queued in this same unit of work is never written.
    /// </summary>
    Task<int> CancelPendingAsync(string topic, CancellationToken cancellationToken = default);

    /// <summary>Cancels the unsent emails of one template about <paramref name="topic"/> (e.g. the reminders of an answered referral).</summary>
    Task<int> CancelPendingAsync(string topic, string template, CancellationToken cancellationToken = default);
}
