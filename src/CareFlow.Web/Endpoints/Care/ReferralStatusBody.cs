using CareFlow.Core.Care.Referrals;

namespace CareFlow.Web.Endpoints.Care;

/// <summary>A Task status change; <c>Reason</c> is required for rejected, cancelled, on-hold and failed.</summary>
public sealed record ReferralStatusBody(ReferralTaskStatus? Status, ReferralParty? Party, ReferralStatusReason? Reason, string? ReasonText);
