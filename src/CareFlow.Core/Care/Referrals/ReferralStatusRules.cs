using CareFlow.Core.Care.Barriers;

namespace CareFlow.Core.Care.Referrals;

/// <summary>Who may set which Task status (the Gravity SDOH referral rules), which statuses need a reason, and the FHIR codes.</summary>
public static class ReferralStatusRules
{
    private static readonly ReferralTaskStatus[] RequesterSets = [ReferralTaskStatus.Draft, ReferralTaskStatus.Requested, ReferralTaskStatus.EnteredInError, ReferralTaskStatus.Cancelled];

    private static readonly ReferralTaskStatus[] PerformerSets =
        [ReferralTaskStatus.Accepted, ReferralTaskStatus.Rejected, ReferralTaskStatus.InProgress, ReferralTaskStatus.OnHold, ReferralTaskStatus.Failed, ReferralTaskStatus.Completed, ReferralTaskStatus.Cancelled];

    public static bool MaySet(ReferralParty party, ReferralTaskStatus status) =>
        (party == ReferralParty.Requester ? RequesterSets : PerformerSets).Contains(status);

    public static bool NeedsReason(ReferralTaskStatus status) =>
        status is ReferralTaskStatus.Rejected or ReferralTaskStatus.Cancelled or ReferralTaskStatus.OnHold or ReferralTaskStatus.Failed;

    /// <summary>
    /// The FHIR R4 Task state machine as the Gravity SDOH profile uses it (no <c>ready</c>, no <c>received</c>): a
    /// draft is requested; the performer accepts or rejects a request; accepted work starts, may be put on hold and
    /// resumed, and completes or fails; the requester may cancel anything not yet finished. A request whose delivery
    /// failed is failed. Entered-in-error withdraws any unfinished referral. Rejected, cancelled, failed, completed and
    /// entered-in-error are final, and a status never moves to itself or backwards (no return to draft).
    /// </summary>
    private static readonly Dictionary<ReferralTaskStatus, ReferralTaskStatus[]> Transitions = new()
    {
        [ReferralTaskStatus.Draft] = [ReferralTaskStatus.Requested, ReferralTaskStatus.Cancelled, ReferralTaskStatus.EnteredInError],
        [ReferralTaskStatus.Requested] = [ReferralTaskStatus.Accepted, ReferralTaskStatus.Rejected, ReferralTaskStatus.Cancelled, ReferralTaskStatus.Failed, ReferralTaskStatus.EnteredInError],
        [ReferralTaskStatus.Accepted] = [ReferralTaskStatus.InProgress, ReferralTaskStatus.OnHold, ReferralTaskStatus.Completed, ReferralTaskStatus.Failed, ReferralTaskStatus.Cancelled, ReferralTaskStatus.EnteredInError],
        [ReferralTaskStatus.InProgress] = [ReferralTaskStatus.OnHold, ReferralTaskStatus.Completed, ReferralTaskStatus.Failed, ReferralTaskStatus.Cancelled, ReferralTaskStatus.EnteredInError],
        [ReferralTaskStatus.OnHold] = [ReferralTaskStatus.InProgress, ReferralTaskStatus.Failed, ReferralTaskStatus.Cancelled, ReferralTaskStatus.EnteredInError],
    };

    /// <summary>True when a referral in status <paramref name="from"/> may move to <paramref name="to"/>.</summary>
    public static bool CanMove(ReferralTaskStatus from, ReferralTaskStatus to) =>
        Transitions.TryGetValue(from, out var next) && next.Contains(to);

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
