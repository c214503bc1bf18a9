using CareFlow.Core.Care.Cases;
using CareFlow.Core.Email;
using CareFlow.Core.Email.Templates;
using CareFlow.Core.Outbox;

namespace CareFlow.Core.Care.Referrals;

/// <summary>
/// A referral email the provider will never get (5xx, invalid address, out of attempts): the referral's Task becomes
/// <c>failed</c> with the reason recorded, the case journal says why, the provider's reminders stop, and the waiting
/// workflow is resumed, so it takes its failure path (the "not answered" branch back to choosing a service). The
/// change and the signal commit together. Idempotent: a terminal referral is left alone.
/// </summary>
public sealed class ReferralEmailFailureHandler(ICareData data, ICareSignals signals, ReferralEmails emails, TimeProvider time) : IEmailFailureHandler
{
    public async Task HandleAsync(EmailDeliveryFailure failure, CancellationToken cancellationToken = default)
    {
        if (failure.Topic is not { } topic || !topic.StartsWith("referral:", StringComparison.Ordinal)
            || !Guid.TryParseExact(topic["referral:".Length..], "N", out var referralId)
            || !(failure.Template.StartsWith(EmailTemplateNames.NewReferral + "@", StringComparison.Ordinal)
                || failure.Template.StartsWith(EmailTemplateNames.ProviderReminder + "@", StringComparison.Ordinal)))
        {
            return;
        }

        var referral = await data.FirstOrDefaultAsync(data.Query<Referral>().Where(r => r.Id == referralId), cancellationToken);
        if (referral is null) return;
        if (ReferralStatusRules.CanMove(referral.Status, ReferralTaskStatus.Failed) && referral.Status == ReferralTaskStatus.Requested)
        {
            var now = time.GetUtcNow();
            referral.Status = ReferralTaskStatus.Failed;
            referral.StatusReason = ReferralStatusReason.Other;
            referral.StatusReasonText = "The referral email could not be delivered to the provider.";
            referral.LastModifiedAt = now;
            CaseJournal.Record(data, referral.CaseId, now, "provider-email-failed",
                $"Referral {referral.Reference}: the email to the provider could not be delivered ({Short(failure.Reason)}).");
            await emails.StopRemindersAsync(referral.Id, cancellationToken);
        }

        await signals.RaiseAsync(CareBookmarks.ProviderResponse, referral.Id.ToString(), null, cancellationToken);
        await data.SaveChangesAsync(cancellationToken);
        await signals.DeliverAsync(cancellationToken);
    }

    private static string Short(string reason) => reason.Length > 120 ? reason[..120] : reason;
}
