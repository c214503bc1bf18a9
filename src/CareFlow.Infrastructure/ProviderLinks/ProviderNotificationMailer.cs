using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Directory;
using CareFlow.Core.Care.Referrals;
using CareFlow.Core.Care.Tasks;
using CareFlow.Core.Email;
using CareFlow.Core.Email.Templates;
using CareFlow.Core.Outbox;
using CareFlow.Core.ProviderLinks;
using CareFlow.Infrastructure.Outbox;
using CareFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareFlow.Infrastructure.ProviderLinks;

/// <summary>
/// Turns the care domain's email intents into outbox rows inside the same SaveChanges, hence the same transaction as
/// the workflow burst or use case: a new <see cref="ProviderNotification"/> (new referral, reminder, cancelled), a
/// referral that became cancelled (link revoked, provider told, reminders stopped), a referral answered (pending
/// reminders cancelled), and a "provider did not answer" task (escalation email to the coordinator).
/// </summary>
public sealed partial class ProviderNotificationMailer(
    IServiceScopeFactory scopes,
    EmailTemplates templates,
    IProviderLinkTokens tokens,
    IOptions<EmailOptions> emailOptions,
    IOptions<ProviderLinkOptions> linkOptions,
    TimeProvider time,
    ILogger<ProviderNotificationMailer> logger) : ISaveChangesInterceptor
{
    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CareFlowDbContext db) await ProcessAsync(db, cancellationToken);
        return result;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is CareFlowDbContext db) ProcessAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    private async Task ProcessAsync(CareFlowDbContext db, CancellationToken cancellationToken)
    {
        var notifications = db.ChangeTracker.Entries<ProviderNotification>()
            .Where(e => e.State == EntityState.Added && e.Entity.ProcessedAt == null).Select(e => e.Entity).ToList();
        var changed = db.ChangeTracker.Entries<Referral>()
            .Where(e => e.State == EntityState.Modified && e.Property(r => r.Status).IsModified).Select(e => e.Entity).ToList();
        var escalations = db.ChangeTracker.Entries<CoordinatorTask>()
            .Where(e => e.State == EntityState.Added && e.Entity.Kind == CoordinatorTaskKind.ProviderNoResponse).Select(e => e.Entity).ToList();
        if (notifications.Count == 0 && changed.Count == 0 && escalations.Count == 0) return;

        var outbox = new EfEmailOutbox(db, emailOptions, time);
        var now = time.GetUtcNow();
        foreach (var notification in notifications)
        {
            notification.ProcessedAt = now;
            // The referral workflow creates the referral and notifies in one burst: look at the unsaved entities first.
            var referral = db.ChangeTracker.Entries<Referral>().Select(e => e.Entity).FirstOrDefault(r => r.Id == notification.ReferralId)
                ?? await db.Set<Referral>().FirstOrDefaultAsync(r => r.Id == notification.ReferralId, cancellationToken);
            if (referral is null) continue;
            if (notification.Kind == ProviderNotificationKind.Cancelled) await CancelAsync(db, outbox, referral, cancellationToken);
            else await NotifyAsync(db, outbox, referral, notification, cancellationToken);
        }

        foreach (var referral in changed)
        {
            if (referral.Status is ReferralTaskStatus.Cancelled or ReferralTaskStatus.EnteredInError) await CancelAsync(db, outbox, referral, cancellationToken);
            else if (referral.Status != ReferralTaskStatus.Requested) await CancelRemindersAsync(db, referral.Id, cancellationToken);
        }

        foreach (var task in escalations) await EscalateAsync(db, outbox, task, cancellationToken);
    }

    private async Task NotifyAsync(CareFlowDbContext db, EfEmailOutbox outbox, Referral referral, ProviderNotification notification, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var link = await LinkAsync(db, referral.Id, cancellationToken);
        if (link is null)
        {
            link = new ProviderLink
            {
                Id = Guid.NewGuid(), ReferralId = referral.Id, RecipientEmail = notification.RecipientEmail.Trim(), CreatedAt = now, ExpiresAt = now,
            };
            db.Set<ProviderLink>().Add(link);
        }

        if (link.RevokedAt is not null || ReferralStatusRules.IsTerminal(referral.Status)) return;
        var expires = now + linkOptions.Value.LinkLifetime;
        if (expires > link.ExpiresAt) link.ExpiresAt = expires;
        var url = $"{emailOptions.Value.PublicBaseUrl.TrimEnd('/')}/r/{tokens.Issue(link, expires)}";
        var model = new ProviderReferralModel(await ProgramNameAsync(db, referral, cancellationToken), referral.Reference, referral.ResponseDueAt, url);
        var email = notification.Kind == ProviderNotificationKind.Reminder ? templates.ProviderReminder(model) : templates.NewReferral(model);
        var key = OutboxKey.For(Topic(referral.Id), $"notification:{notification.Id:N}", link.RecipientEmail, email.Template, email.Version);
        await EnqueueOrRefuseAsync(outbox, key, link.RecipientEmail, email, Topic(referral.Id), cancellationToken);
    }

    private async Task CancelAsync(CareFlowDbContext db, EfEmailOutbox outbox, Referral referral, CancellationToken cancellationToken)
    {
        await CancelRemindersAsync(db, referral.Id, cancellationToken);
        var link = await LinkAsync(db, referral.Id, cancellationToken);
        if (link is null || link.RevokedAt is not null) return; // the provider never heard of it, or was already told
        link.RevokedAt = time.GetUtcNow();
        link.RevokedReason = "referral cancelled";
        var model = new ProviderReferralModel(await ProgramNameAsync(db, referral, cancellationToken), referral.Reference, null, "");
        var email = templates.ReferralCancelled(model);
        var key = OutboxKey.For(Topic(referral.Id), "cancelled", link.RecipientEmail, email.Template, email.Version);
        await EnqueueOrRefuseAsync(outbox, key, link.RecipientEmail, email, topic: null, cancellationToken);
    }

    private async Task EscalateAsync(CareFlowDbContext db, EfEmailOutbox outbox, CoordinatorTask task, CancellationToken cancellationToken)
    {
        var coordinator = await db.Set<Case>().AsNoTracking().Where(c => c.Id == task.CaseId).Select(c => c.CoordinatorId).FirstOrDefaultAsync(cancellationToken);
        var options = emailOptions.Value;
        string? address = null;
        if (coordinator is not null)
        {
            await using var scope = scopes.CreateAsyncScope();
            address = await scope.ServiceProvider.GetRequiredService<ICoordinatorAddressBook>().FindAsync(coordinator, cancellationToken);
        }

        var to = address ?? options.EscalationAddress;
        if (string.IsNullOrEmpty(to))
        {
            LogNoEscalationAddress(task.Id);
            return;
        }

        var referral = await db.Set<Referral>().AsNoTracking().Where(r => r.CaseId == task.CaseId && r.Status == ReferralTaskStatus.Requested)
            .OrderByDescending(r => r.RequestedAt).FirstOrDefaultAsync(cancellationToken);
        var email = templates.CoordinatorEscalation(referral?.Reference ?? "(unknown)", referral?.ResponseDueAt, $"{options.PublicBaseUrl.TrimEnd('/')}/");
        var key = OutboxKey.For($"task:{task.Id:N}", "escalation", to, email.Template, email.Version);
        await EnqueueOrRefuseAsync(outbox, key, to, email, referral is null ? null : $"escalation:{referral.Id:N}", cancellationToken);
    }

    private static async Task EnqueueOrRefuseAsync(EfEmailOutbox outbox, string key, string to, RenderedEmail email, string? topic, CancellationToken cancellationToken)
    {
        try
        {
            await outbox.EnqueueAsync(new OutboxEmail(key, to, email, topic), cancellationToken);
        }
        catch (ArgumentException ex)
        {
            // Never sent as is: recorded as failed, so the waiting workflow takes its failure path.
            outbox.AddRefused(key, to, email, topic, "invalid recipient: " + ex.Message);
        }
    }

    private static async Task CancelRemindersAsync(CareFlowDbContext db, Guid referralId, CancellationToken cancellationToken)
    {
        var topic = Topic(referralId);
        var reminder = $"{EmailTemplateNames.ProviderReminder}@";
        var pending = await db.Set<OutboxMessage>().Where(m => m.Topic == topic && m.Status == OutboxStatus.Pending && m.Template.StartsWith(reminder))
            .ToListAsync(cancellationToken);
        foreach (var row in pending) row.Status = OutboxStatus.Cancelled;
    }

    private static async Task<ProviderLink?> LinkAsync(CareFlowDbContext db, Guid referralId, CancellationToken cancellationToken) =>
        db.Set<ProviderLink>().Local.FirstOrDefault(l => l.ReferralId == referralId)
            ?? await db.Set<ProviderLink>().FirstOrDefaultAsync(l => l.ReferralId == referralId, cancellationToken);

    private static async Task<string> ProgramNameAsync(CareFlowDbContext db, Referral referral, CancellationToken cancellationToken) =>
        await db.Set<Service>().AsNoTracking().Where(s => s.Id == referral.ServiceId).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken) ?? "";

    /// <summary>The outbox topic of a referral's provider emails.</summary>
    public static string Topic(Guid referralId) => $"referral:{referralId:N}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "No escalation address for task {TaskId}: set Email:CoordinatorAddresses or Email:EscalationAddress.")]
    private partial void LogNoEscalationAddress(Guid taskId);
}
