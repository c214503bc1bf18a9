namespace CareFlow.Core.Care.Referrals;

/// <summary>
/// The intent to notify a provider, written in the transaction of the step that causes it. The email itself (minimum
/// necessary, signed link) goes out through the email outbox; <see cref="ProcessedAt"/> is set when the intent has
/// been turned into an outbox row.
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
