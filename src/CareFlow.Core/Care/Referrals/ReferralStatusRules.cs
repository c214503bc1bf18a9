using CareFlow.Core.Care.Barriers;

namespace CareFlow.Core.Care.Referrals;

/// <summary>Who may set which Task status (domain.md §3), which statuses need a reason, and the FHIR codes.</summary>
public static class ReferralStatusRules
{
    private static readonly ReferralTaskStatus[] RequesterSets = [ReferralTaskStatus.Draft, ReferralTaskStatus.Requested, ReferralTaskStatus.EnteredInError, ReferralTaskStatus.Cancelled];

    private static readonly ReferralTaskStatus[] PerformerSets =
        [ReferralTaskStatus.Accepted, ReferralTaskStatus.Rejected, ReferralTaskStatus.InProgress, ReferralTaskStatus.OnHold, ReferralTaskStatus.Failed, ReferralTaskStatus.Completed, ReferralTaskStatus.Cancelled];

    public static bool MaySet(ReferralParty party, ReferralTaskStatus status) =>
        (party == ReferralParty.Requester ? RequesterSets : PerformerSets).Contains(status);

    public static bool NeedsReason(ReferralTaskStatus status) =>
        status is ReferralTaskStatus.Rejected or ReferralTaskStatus.Cancelled or ReferralTaskStatus.OnHold or ReferralTaskStatus.Failed;

    public static bool IsTerminal(ReferralTaskStatus status) =>
        status is ReferralTaskStatus.Rejected or ReferralTaskStatus.Cancelled or ReferralTaskStatus.Failed or ReferralTaskStatus.Completed or ReferralTaskStatus.EnteredInError;

    /// <summary>The FHIR code, e.g. <c>in-progress</c>.</summary>
    public static string Code(ReferralTaskStatus status) => status switch
    {
        ReferralTaskStatus.InProgress => "in-progress",
        ReferralTaskStatus.OnHold => "on-hold",
        ReferralTaskStatus.EnteredInError => "entered-in-error",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>The barrier category a provider's reason points to.</summary>
    public static BarrierCategory BarrierFor(ReferralStatusReason? reason) => reason switch
    {
        ReferralStatusReason.NotEligible => BarrierCategory.Eligibility,
        ReferralStatusReason.NoCapacity => BarrierCategory.Capacity,
        ReferralStatusReason.Cost => BarrierCategory.Cost,
        _ => BarrierCategory.Other,
    };
}
