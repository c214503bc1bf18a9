using CareFlow.Core.Care;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Directory;
using CareFlow.Core.Care.Referrals;
using CareFlow.Core.Care.Tasks;
using CareFlow.Core.Email.Templates;
using CareFlow.Core.Outbox;
using CareFlow.Core.ProviderLinks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareFlow.Core.Email;

/// <summary>
/// The referral emails, queued in the caller's unit of work (so they commit with the step or use case that decides
/// them): the provider's new-referral and reminder emails with their signed link, the cancellation notice (which also
/// revokes the link and stops reminders), and the coordinator's escalation when a provider did not answer. Provider
/// emails carry the minimum necessary: a reference, the program name, a due date and a link, never client data.
/// </summary>
public sealed partial class ReferralEmails(
    ICareData data,
    IEmailOutbox outbox,
    IProviderLinkTokens tokens,
    ICoordinatorAddressBook addresses,
    EmailTemplates templates,
    IOptions<EmailOptions> emailOptions,
    IOptions<ProviderLinkOptions> linkOptions,
    TimeProvider time,
    ILogger<ReferralEmails> logger)
{
    /// <summary>The outbox topic of a referral's provider emails.</summary>
    public static string Topic(Guid referralId) => $"referral:{referralId:N}";

    /// <summary>Emails the provider a new referral or a reminder, with a fresh link (the link row is created on first use).</summary>
    public async Task NotifyAsync(Referral referral, ProviderNotification notification, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        notification.ProcessedAt = now;
        if (notification.Kind == ProviderNotificationKind.Cancelled)
        {
            await CancelReferralAsync(referral, cancellationToken);
            return;
        }

        var link = await LinkAsync(referral.Id, cancellationToken);
        if (link is null)
        {
            link = new ProviderLink
            {
                Id = Guid.NewGuid(), ReferralId = referral.Id, RecipientEmail = notification.RecipientEmail.Trim(), CreatedAt = now, ExpiresAt = now,
            };
            data.Add(link);
        }

        if (link.RevokedAt is not null || ReferralStatusRules.IsTerminal(referral.Status)) return;
        var expires = now + linkOptions.Value.LinkLifetime;
        if (expires > link.ExpiresAt) link.ExpiresAt = expires;
        var url = $"{emailOptions.Value.PublicBaseUrl.TrimEnd('/')}/r/{tokens.Issue(link, expires)}";
        var model = new ProviderReferralModel(await ProgramNameAsync(referral, cancellationToken), referral.Reference, referral.ResponseDueAt, url);
        var email = notification.Kind == ProviderNotificationKind.Reminder ? templates.ProviderReminder(model) : templates.NewReferral(model);
        var key = OutboxKey.For(Topic(referral.Id), $"notification:{notification.Id:N}", link.RecipientEmail, email.Template, email.Version);
        await EnqueueOrRefuseAsync(new OutboxEmail(key, link.RecipientEmail, email, Topic(referral.Id)), cancellationToken);
    }

    /// <summary>A cancelled referral: its reminders stop, its link dies, and a provider who heard of it is told (once).</summary>
    public async Task CancelReferralAsync(Referral referral, CancellationToken cancellationToken = default)
    {
        await StopRemindersAsync(referral.Id, cancellationToken);
        var link = await LinkAsync(referral.Id, cancellationToken);
        if (link is null || link.RevokedAt is not null) return; // the provider never heard of it, or was already told
        link.RevokedAt = time.GetUtcNow();
        link.RevokedReason = "referral cancelled";
        var model = new ProviderReferralModel(await ProgramNameAsync(referral, cancellationToken), referral.Reference, null, "");
        var email = templates.ReferralCancelled(model);
        var key = OutboxKey.For(Topic(referral.Id), "cancelled", link.RecipientEmail, email.Template, email.Version);
        await EnqueueOrRefuseAsync(new OutboxEmail(key, link.RecipientEmail, email), cancellationToken);
    }

    /// <summary>An answered referral: its pending provider reminders are cancelled.</summary>
    public Task StopRemindersAsync(Guid referralId, CancellationToken cancellationToken = default) =>
        outbox.CancelPendingAsync(Topic(referralId), EmailTemplateNames.ProviderReminder, cancellationToken);

    /// <summary>A "provider did not answer" task: its coordinator (or the escalation address) is emailed, without client data.</summary>
    public async Task EscalateAsync(CoordinatorTask task, CancellationToken cancellationToken = default)
    {
        var coordinator = (await data.FindAsync<Case>(c => c.Id == task.CaseId, cancellationToken))?.CoordinatorId;
        var options = emailOptions.Value;
        var address = coordinator is null ? null : await addresses.FindAsync(coordinator, cancellationToken);
        var to = address ?? options.EscalationAddress;
        if (string.IsNullOrEmpty(to))
        {
            LogNoEscalationAddress(task.Id);
            return;
        }

        var referral = await data.FirstOrDefaultAsync(data.Query<Referral>().Where(r => r.CaseId == task.CaseId && r.Status == ReferralTaskStatus.Requested)
            .OrderByDescending(r => r.RequestedAt), cancellationToken);
        var email = templates.CoordinatorEscalation(referral?.Reference ?? "(unknown)", referral?.ResponseDueAt, $"{options.PublicBaseUrl.TrimEnd('/')}/");
        var key = OutboxKey.For($"task:{task.Id:N}", "escalation", to, email.Template, email.Version);
        await EnqueueOrRefuseAsync(new OutboxEmail(key, to, email, referral is null ? null : $"escalation:{referral.Id:N}"), cancellationToken);
    }

    private async Task EnqueueOrRefuseAsync(OutboxEmail email, CancellationToken cancellationToken)
    {
        try
        {
            await outbox.EnqueueAsync(email, cancellationToken);
        }
        catch (ArgumentException ex)
        {
            // Never sent as is: recorded as failed, so the waiting workflow takes its failure path.
            outbox.AddRefused(email, "invalid recipient: " + ex.Message);
        }
    }

    private Task<ProviderLink?> LinkAsync(Guid referralId, CancellationToken cancellationToken) =>
        data.FindAsync<ProviderLink>(l => l.ReferralId == referralId, cancellationToken);

    private async Task<string> ProgramNameAsync(Referral referral, CancellationToken cancellationToken) =>
        (await data.FirstOrDefaultAsync(data.Query<Service>().Where(s => s.Id == referral.ServiceId), cancellationToken))?.Name ?? "";

    [LoggerMessage(Level = LogLevel.Warning, Message = "No escalation address for task {TaskId}: set Email:CoordinatorAddresses or Email:EscalationAddress.")]
    private partial void LogNoEscalationAddress(Guid taskId);
}
