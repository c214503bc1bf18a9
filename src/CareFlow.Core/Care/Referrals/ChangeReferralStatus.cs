using CareFlow.Core.Care.Cases;

namespace CareFlow.Core.Care.Referrals;

/// <summary>
/// Use case: the requester or the performer sets the referral Task's status; the waiting workflow continues. The
/// change must be one <see cref="ReferralStatusRules.CanMove"/> allows from the current status, else
/// <see cref="ReferralTransitionException"/> and nothing is written.
/// </summary>
public static class ChangeReferralStatus
{
    public static async Task<Referral> RunAsync(ICareData data, ICareSignals signals, TimeProvider time, Guid referralId, ReferralParty party,
        ReferralTaskStatus status, ReferralStatusReason? reason, string? reasonText, CancellationToken cancellationToken = default)
    {
        if (!ReferralStatusRules.MaySet(party, status))
            throw new CareValidationException("status", $"The {party.ToString().ToLowerInvariant()} may not set '{ReferralStatusRules.Code(status)}'.");
        if (ReferralStatusRules.NeedsReason(status) && reason is null)
            throw new CareValidationException("reason", $"'{ReferralStatusRules.Code(status)}' needs a reason.");
        if (reason == ReferralStatusReason.Other && string.IsNullOrWhiteSpace(reasonText))
            throw new CareValidationException("reasonText", "Describe the reason.");
        var referral = await data.FirstOrDefaultAsync(data.Query<Referral>().Where(r => r.Id == referralId), cancellationToken)
            ?? throw new CareValidationException("referralId", "Unknown referral.");
        if (!ReferralStatusRules.CanMove(referral.Status, status)) throw new ReferralTransitionException(referral.Status, status);
        var now = time.GetUtcNow();
        referral.Status = status;
        referral.StatusReason = ReferralStatusRules.NeedsReason(status) ? reason : null;
        referral.StatusReasonText = ReferralStatusRules.NeedsReason(status) ? reasonText : null;
        referral.LastModifiedAt = now;
        CaseJournal.Record(data, referral.CaseId, now, "referral-status", $"Referral {referral.Reference}: {ReferralStatusRules.Code(status)}{(reason is null ? "" : $" ({reason})")}.");
        await data.SaveChangesAsync(cancellationToken);
        await signals.SignalAsync(CareBookmarks.ProviderResponse, referral.Id.ToString(), null, cancellationToken);
        if (ReferralStatusRules.IsTerminal(status)) await signals.SignalAsync(CareBookmarks.ReferralFinished, referral.Id.ToString(), null, cancellationToken);
        return referral;
    }
}
