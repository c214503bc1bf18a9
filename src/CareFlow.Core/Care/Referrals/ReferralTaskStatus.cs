namespace CareFlow.Core.Care.Referrals;

/// <summary>The Gravity SDOH Task status value set (no <c>ready</c>, no <c>received</c>).</summary>
public enum ReferralTaskStatus
{
    Draft,
    Requested,
    Accepted,
    Rejected,
    Cancelled,
    InProgress,
    OnHold,
    Failed,
    Completed,
    EnteredInError,
}
