using CareFlow.Core.Care;
using CareFlow.Core.Care.Referrals;
using CareFlow.Core.Email.Templates;

namespace CareFlow.Core.ProviderLinks;

/// <summary>
/// Use case: the provider presses a button (accept, decline with a reason, started, completed). The link's guard
/// column (<see cref="ProviderLink.DecidedAt"/>, <see cref="ProviderLink.StartedAt"/>, <see cref="ProviderLink.CompletedAt"/>,
/// concurrency tokens whose original value is null, i.e. <c>… WHERE decided_at IS NULL</c>), the referral's status
/// with the emails it decides, and the signal to the waiting workflow commit in ONE transaction, so under concurrent
/// clicks exactly one wins, and a crash after the commit cannot lose the workflow's resume (the signal is delivered
/// after the commit, or after a restart).
/// </summary>
public sealed class ProviderActHandler(OpenProviderLinkHandler open, ChangeReferralStatusHandler change, ICareData data, ICareSignals signals, TimeProvider time)
{
    private const string AlreadyAnswered = "This referral has already been answered.";

    /// <summary>Applies one button. <paramref name="reason"/> is required to decline; <paramref name="reasonText"/> for "other".</summary>
    public async Task<(ActionOutcome Outcome, string Message)> HandleAsync(string token, ProviderAction action, ReferralStatusReason? reason, string? reasonText,
        CancellationToken cancellationToken = default)
    {
        var page = await open.HandleAsync(token, cancellationToken);
        if (page.Check != LinkCheck.Valid) return (ActionOutcome.Refused, page.Check.ToString());
        reasonText = string.IsNullOrWhiteSpace(reasonText) ? null : EmailTemplates.Line(reasonText);
        if (action == ProviderAction.Decline && reason is null) return (ActionOutcome.Refused, "Choose a reason for declining.");
        if (action == ProviderAction.Decline && reason == ReferralStatusReason.Other && reasonText is null) return (ActionOutcome.Refused, "Describe the reason.");
        if (reasonText is { Length: > 500 }) return (ActionOutcome.Refused, "The reason is limited to 500 characters.");

        var link = page.Link!;
        if (Done(link, action)) return (ActionOutcome.AlreadyAnswered, AlreadyAnswered);
        var now = time.GetUtcNow();
        ReferralTaskStatus status;
        switch (action)
        {
            case ProviderAction.Accept or ProviderAction.Decline:
                if (!page.CanDecide) return (ActionOutcome.AlreadyAnswered, AlreadyAnswered);
                status = action == ProviderAction.Accept ? ReferralTaskStatus.Accepted : ReferralTaskStatus.Rejected;
                link.DecidedAt = now;
                link.Decision = ReferralStatusRules.Code(status);
                break;
            case ProviderAction.Start:
                if (!page.CanStart) return (link.StartedAt is null ? ActionOutcome.Refused : ActionOutcome.AlreadyAnswered, "The referral must be accepted, and not yet started.");
                status = ReferralTaskStatus.InProgress;
                link.StartedAt = now;
                break;
            default:
                if (!page.CanComplete) return (link.CompletedAt is null ? ActionOutcome.Refused : ActionOutcome.AlreadyAnswered, "The referral must be accepted, and not yet completed.");
                status = ReferralTaskStatus.Completed;
                link.CompletedAt = now;
                break;
        }

        try
        {
            await change.ApplyAsync(page.ReferralId, ReferralParty.Performer, status,
                action == ProviderAction.Decline ? reason : null, action == ProviderAction.Decline ? reasonText : null, cancellationToken);
            await data.SaveChangesAsync(cancellationToken);
        }
        catch (CareConcurrencyException)
        {
            data.DiscardChanges();
            return (ActionOutcome.AlreadyAnswered, AlreadyAnswered);
        }
        catch (Exception ex) when (ex is CareValidationException or ReferralTransitionException)
        {
            // A concurrent click may have moved the referral on between the page's read and the status change's.
            data.DiscardChanges();
            var current = await open.HandleAsync(token, cancellationToken);
            return current.Link is { } latest && Done(latest, action) ? (ActionOutcome.AlreadyAnswered, AlreadyAnswered) : (ActionOutcome.Refused, ex.Message);
        }

        await signals.DeliverAsync(cancellationToken);
        return (ActionOutcome.Done, $"Recorded: {ReferralStatusRules.Code(status)}.");
    }

    private static bool Done(ProviderLink link, ProviderAction action) => action switch
    {
        ProviderAction.Accept or ProviderAction.Decline => link.DecidedAt is not null,
        ProviderAction.Start => link.StartedAt is not null,
        _ => link.CompletedAt is not null,
    };
}
