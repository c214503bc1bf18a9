using CareFlow.Core.Care.Cases;
using CareFlow.Core.Email;

namespace CareFlow.Core.Care.Referrals;

/// <summary>
/// Use case: the requester or the performer sets the referral Task's status; the waiting workflow continues. The
/// change must be one <see cref="ReferralStatusRules.CanMove"/> allows from the current status, else
/// <see cref="ReferralTransitionException"/> and nothing is written. The status, its journal line, the emails it
/// decides and the signal to the waiting workflow commit in one transaction; the signal is delivered after it.
/// </summary>
public sealed class ChangeReferralStatusHandler(ICareData data, ICareSignals signals, ReferralEmails emails, TimeProvider time)
{
    public async Task<Referral> HandleAsync(Guid referralId, ReferralParty party, ReferralTaskStatus status, ReferralStatusReason? reason, string? reasonText,
        CancellationToken cancellationToken = default)
    {
        var referral = await ApplyAsync(referralId, party, status, reason, reasonText, cancellationToken);
        await data.SaveChangesAsync(cancellationToken);
        await signals.DeliverAsync(cancellationToken);
        return referral;
    }

    /// <summary>The change in the unit of work, not yet saved: for a use case that commits more with it (the provider's link).</summary>
    internal async Task<Referral> ApplyAsync(Guid referralId, ReferralParty party, ReferralTaskStatus status, ReferralStatusReason? reason, string? reasonText,
        CancellationToken cancellationToken)
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

        // Emails: a cancelled referral's provider is told (and its link dies); any other answer stops the provider's reminders.
        if (status is ReferralTaskStatus.Cancelled or ReferralTaskStatus.EnteredInError) await emails.CancelReferralAsync(referral, cancellationToken);
        else if (status != ReferralTaskStatus.Requested) await emails.StopRemindersAsync(referral.Id, cancellationToken);

        await signals.RaiseAsync(CareBookmarks.ProviderResponse, referral.Id.ToString(), null, cancellationToken);
        if (ReferralStatusRules.IsTerminal(status)) await signals.RaiseAsync(CareBookmarks.ReferralFinished, referral.Id.ToString(), null, cancellationToken);
        return referral;
    }
}
