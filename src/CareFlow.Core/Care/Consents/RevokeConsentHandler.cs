using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Referrals;
using CareFlow.Core.Email;

namespace CareFlow.Core.Care.Consents;

/// <summary>
/// Use case: the client revokes a consent. The open referrals it covered are cancelled: each provider is told (and
/// its link dies, its reminders stop), and the waiting workflows continue. The revocation, the cancellations, their
/// emails and the signals commit in one transaction; the signals are delivered after it (and after a crash).
/// </summary>
public sealed class RevokeConsentHandler(ICareData data, ICareSignals signals, ReferralEmails emails, TimeProvider time)
{
    public async Task<Consent> HandleAsync(Guid consentId, string? method, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(method)) throw new CareValidationException("method", "Say how the client revoked (written, oral, …).");
        var consent = await data.FirstOrDefaultAsync(data.Query<Consent>().Where(c => c.Id == consentId), cancellationToken)
            ?? throw new CareValidationException("consentId", "Unknown consent.");
        if (consent.RevokedAt is not null) throw new CareValidationException("consentId", "The consent is already revoked.");
        var now = time.GetUtcNow();
        consent.RevokedAt = now;
        consent.RevocationMethod = method;
        var open = await data.ToListAsync(data.Query<Referral>().Where(r => r.ConsentId == consentId), cancellationToken);
        foreach (var referral in open.Where(r => ReferralStatusRules.CanMove(r.Status, ReferralTaskStatus.Cancelled)))
        {
            referral.Status = ReferralTaskStatus.Cancelled;
            referral.StatusReason = ReferralStatusReason.Other;
            referral.StatusReasonText = "Consent revoked";
            referral.LastModifiedAt = now;
            data.Add(new ProviderNotification
            {
                Id = Guid.CreateVersion7(now), ReferralId = referral.Id, Kind = ProviderNotificationKind.Cancelled, RecipientEmail = "", RequestedAt = now, ProcessedAt = now,
            });
            await emails.CancelReferralAsync(referral, cancellationToken);
            CaseJournal.Record(data, referral.CaseId, now, "referral-cancelled", $"Referral {referral.Reference} cancelled: consent revoked.");
            await signals.RaiseAsync(CareBookmarks.ProviderResponse, referral.Id.ToString(), null, cancellationToken);
            await signals.RaiseAsync(CareBookmarks.ReferralFinished, referral.Id.ToString(), null, cancellationToken);
        }

        await data.SaveChangesAsync(cancellationToken);
        await signals.DeliverAsync(cancellationToken);
        return consent;
    }
}
