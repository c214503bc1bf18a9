namespace CareFlow.Core.ProviderLinks;

/// <summary>
/// The provider's account-less access to one referral. Its random <see cref="Id"/> is inside every signed token;
/// revoking the row kills every token issued for it. <see cref="DecidedAt"/> is the "one decision" guard: it is set by
/// a conditional update (<c>… WHERE decided_at IS NULL</c>).
/// </summary>
public sealed class ProviderLink
{
    public Guid Id { get; set; }

    public Guid ReferralId { get; set; }

    /// <summary>The provider address the emails (and one-time codes) go to.</summary>
    public string RecipientEmail { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The latest expiry of any token issued for this link.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedReason { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>accepted or rejected (the Gravity Task status code).</summary>
    public string? Decision { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}
