namespace CareFlow.Core.Care.Referrals;

/// <summary>The referral the workflow created, or why it did not (e.g. the consent check blocked it).</summary>
public sealed record RequestReferralOutcome(Referral? Referral, string? BlockedReason);
