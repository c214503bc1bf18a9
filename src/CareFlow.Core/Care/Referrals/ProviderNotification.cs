namespace CareFlow.Core.Care.Referrals;

/// <summary>
/// A notification of a provider (new referral, reminder, cancelled), written in the workflow's transaction together
/// with its email, which <see cref="Email.ReferralEmails"/> queues in the outbox (minimum necessary, signed link) and
/// stamps <see cref="ProcessedAt"/>.
/// </summary>
public sealed class ProviderNotification
{
    public Guid Id { get; set; }

    public Guid ReferralId { get; set; }

    public ProviderNotificationKind Kind { get; set; }

    public string RecipientEmail { get; set; } = "";

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }
}
