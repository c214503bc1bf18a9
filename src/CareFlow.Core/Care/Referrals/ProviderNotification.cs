namespace CareFlow.Core.Care.Referrals;

/// <summary>
/// The intent to notify a provider, written in the workflow's transaction. The email itself (minimum necessary,
/// signed link) is sent by the email outbox of issue [5/6], which picks up rows with no <see cref="ProcessedAt"/>.
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
