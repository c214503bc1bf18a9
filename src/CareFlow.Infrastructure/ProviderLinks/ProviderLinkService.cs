using CareFlow.Core.Care;
using CareFlow.Core.Care.Directory;
using CareFlow.Core.Care.Referrals;
using CareFlow.Core.Email.Templates;
using CareFlow.Core.Outbox;
using CareFlow.Core.ProviderLinks;
using CareFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareFlow.Infrastructure.ProviderLinks;

/// <summary>
/// The provider's use cases behind /r/{token}. Every call verifies the token (MAC, expiry) before touching the
/// database, then checks the link row (revoked?) and the referral (cancelled?). Opening changes nothing. Acting sets a
/// guard column whose original value is null (an EF concurrency token, i.e. <c>… WHERE decided_at IS NULL</c>) in the
/// same SaveChanges as the referral's status, so under concurrent clicks exactly one wins.
/// </summary>
public sealed partial class ProviderLinkService(
    CareFlowDbContext db,
    ICareData data,
    ICareSignals signals,
    IProviderLinkTokens tokens,
    IEmailOutbox outbox,
    EmailTemplates templates,
    IOptions<ProviderLinkOptions> options,
    TimeProvider time)
{
    public async Task<ProviderLinkPage> OpenAsync(string token, CancellationToken cancellationToken = default)
    {
        var check = tokens.Read(token, out var referralId, out var linkId);
        if (check != LinkCheck.Valid) return ProviderLinkPage.Refused(check);
        var link = await db.Set<ProviderLink>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == linkId && l.ReferralId == referralId, cancellationToken);
        var referral = await db.Set<Referral>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == referralId, cancellationToken);
        if (link is null || referral is null) return ProviderLinkPage.Refused(LinkCheck.Invalid);
        if (link.RevokedAt is not null || referral.Status is ReferralTaskStatus.Cancelled or ReferralTaskStatus.EnteredInError)
            return ProviderLinkPage.Refused(LinkCheck.Revoked);
        var program = await db.Set<Service>().AsNoTracking().Where(s => s.Id == referral.ServiceId).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken);
        return new ProviderLinkPage(LinkCheck.Valid, referral.Id, referral.Reference, program ?? "", referral.ResponseDueAt, referral.Status, link);
    }

    /// <summary>Applies one button. <paramref name="reason"/> is required to decline; <paramref name="reasonText"/> for "other".</summary>
    public async Task<(ActionOutcome Outcome, string Message)> ActAsync(string token, ProviderAction action, ReferralStatusReason? reason, string? reasonText,
        CancellationToken cancellationToken = default)
    {
        var page = await OpenAsync(token, cancellationToken);
        if (page.Check != LinkCheck.Valid) return (ActionOutcome.Refused, page.Check.ToString());
        reasonText = string.IsNullOrWhiteSpace(reasonText) ? null : EmailTemplates.Line(reasonText);
        if (action == ProviderAction.Decline && reason is null) return (ActionOutcome.Refused, "Choose a reason for declining.");
        if (action == ProviderAction.Decline && reason == ReferralStatusReason.Other && reasonText is null) return (ActionOutcome.Refused, "Describe the reason.");
        if (reasonText is { Length: > 500 }) return (ActionOutcome.Refused, "The reason is limited to 500 characters.");

        var link = await db.Set<ProviderLink>().FirstAsync(l => l.Id == page.Link!.Id, cancellationToken);
        if (action is ProviderAction.Accept or ProviderAction.Decline ? link.DecidedAt is not null
            : action == ProviderAction.Start ? link.StartedAt is not null : link.CompletedAt is not null)
        {
            return (ActionOutcome.AlreadyAnswered, "This referral has already been answered.");
        }
        var now = time.GetUtcNow();
        ReferralTaskStatus status;
        switch (action)
        {
            case ProviderAction.Accept or ProviderAction.Decline:
                if (!page.CanDecide) return (ActionOutcome.AlreadyAnswered, "This referral has already been answered.");
                status = action == ProviderAction.Accept ? ReferralTaskStatus.Accepted : ReferralTaskStatus.Rejected;
                link.DecidedAt = now;
                link.Decision = ReferralStatusRules.Code(status);
                break;
            case ProviderAction.Start:
                if (!page.CanStart) return (page.Link!.StartedAt is null ? ActionOutcome.Refused : ActionOutcome.AlreadyAnswered, "The referral must be accepted, and not yet started.");
                status = ReferralTaskStatus.InProgress;
                link.StartedAt = now;
                break;
            default:
                if (!page.CanComplete) return (page.Link!.CompletedAt is null ? ActionOutcome.Refused : ActionOutcome.AlreadyAnswered, "The referral must be accepted, and not yet completed.");
                status = ReferralTaskStatus.Completed;
                link.CompletedAt = now;
                break;
        }

        // The guard: whatever was read, the UPDATE only matches while the column is still null (… WHERE decided_at IS NULL).
        var entry = db.Entry(link);
        entry.Property(l => l.DecidedAt).OriginalValue = action is ProviderAction.Accept or ProviderAction.Decline ? null : entry.Property(l => l.DecidedAt).OriginalValue;
        if (action == ProviderAction.Start) entry.Property(l => l.StartedAt).OriginalValue = null;
        if (action == ProviderAction.Complete) entry.Property(l => l.CompletedAt).OriginalValue = null;
        try
        {
            await ChangeReferralStatus.RunAsync(data, signals, time, page.ReferralId, ReferralParty.Performer, status,
                action == ProviderAction.Decline ? reason : null, action == ProviderAction.Decline ? reasonText : null, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return (ActionOutcome.AlreadyAnswered, "This referral has already been answered.");
        }
        catch (Exception ex) when (ex is CareValidationException or ReferralTransitionException)
        {
            // A concurrent click may have moved the referral on between our read and ChangeReferralStatus's read.
            db.ChangeTracker.Clear();
            var now2 = await OpenAsync(token, cancellationToken);
            var raced = action is ProviderAction.Accept or ProviderAction.Decline ? now2.Link?.DecidedAt is not null
                : action == ProviderAction.Start ? now2.Link?.StartedAt is not null : now2.Link?.CompletedAt is not null;
            return raced ? (ActionOutcome.AlreadyAnswered, "This referral has already been answered.") : (ActionOutcome.Refused, ex.Message);
        }

        return (ActionOutcome.Done, $"Recorded: {ReferralStatusRules.Code(status)}.");
    }
}
