using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Clients;
using CareFlow.Core.Care.Referrals;
using CareFlow.Core.Care.Tasks;

namespace CareFlow.Core.Care.Consents;

/// <summary>Use cases: record a §2.31 consent (then let waiting workflows continue) and revoke one (cascading to referrals).</summary>
public static class RecordConsentUseCase
{
    public static async Task<Consent> RecordAsync(ICareData data, ICareSignals signals, TimeProvider time, Consent consent, string by, CancellationToken cancellationToken = default)
    {
        foreach (var (field, message) in ConsentRules.Validate(consent)) throw new CareValidationException(field, message);
        if (await data.FirstOrDefaultAsync(data.Query<Client>().Where(c => c.Id == consent.ClientId), cancellationToken) is null)
            throw new CareValidationException("clientId", "Unknown client.");
        var now = time.GetUtcNow();
        consent.Id = Guid.CreateVersion7(now);
        consent.RecordedAt = now;
        consent.RevokedAt = null;
        consent.RevocationMethod = null;
        data.Add(consent);
        var cases = await data.ToListAsync(data.Query<Case>().Where(c => c.ClientId == consent.ClientId && c.Status != CaseStatus.Closed).Select(c => c.Id), cancellationToken);
        foreach (var caseId in cases) CaseJournal.Record(data, caseId, now, "consent-recorded", $"Consent recorded for {consent.RecipientName}, expires {consent.ExpiresOn:yyyy-MM-dd}.");
        await data.SaveChangesAsync(cancellationToken);
        foreach (var caseId in cases)
        {
            await CompleteTasks.OpenOfKindAsync(data, signals, caseId, CoordinatorTaskKind.RecordConsent, by, cancellationToken);
            await CompleteTasks.OpenOfKindAsync(data, signals, caseId, CoordinatorTaskKind.ObtainConsent, by, cancellationToken);
        }

        return consent;
    }

    public static async Task<Consent> RevokeAsync(ICareData data, ICareSignals signals, TimeProvider time, Guid consentId, string? method, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(method)) throw new CareValidationException("method", "Say how the client revoked (written, oral, …).");
        var consent = await data.FirstOrDefaultAsync(data.Query<Consent>().Where(c => c.Id == consentId), cancellationToken)
            ?? throw new CareValidationException("consentId", "Unknown consent.");
        if (consent.RevokedAt is not null) throw new CareValidationException("consentId", "The consent is already revoked.");
        var now = time.GetUtcNow();
        consent.RevokedAt = now;
        consent.RevocationMethod = method;
        var open = await data.ToListAsync(data.Query<Referral>().Where(r => r.ConsentId == consentId), cancellationToken);
        var cancelled = open.Where(r => ReferralStatusRules.CanMove(r.Status, ReferralTaskStatus.Cancelled)).ToList();
        foreach (var referral in cancelled)
        {
            referral.Status = ReferralTaskStatus.Cancelled;
            referral.StatusReason = ReferralStatusReason.Other;
            referral.StatusReasonText = "Consent revoked";
            referral.LastModifiedAt = now;
            data.Add(new ProviderNotification { Id = Guid.CreateVersion7(now), ReferralId = referral.Id, Kind = ProviderNotificationKind.Cancelled, RecipientEmail = "", RequestedAt = now });
            CaseJournal.Record(data, referral.CaseId, now, "referral-cancelled", $"Referral {referral.Reference} cancelled: consent revoked.");
        }

        await data.SaveChangesAsync(cancellationToken);
        foreach (var referral in cancelled)
        {
            await signals.SignalAsync(CareBookmarks.ProviderResponse, referral.Id.ToString(), null, cancellationToken);
            await signals.SignalAsync(CareBookmarks.ReferralFinished, referral.Id.ToString(), null, cancellationToken);
        }

        return consent;
    }
}
