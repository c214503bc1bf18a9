using CareFlow.Core.Outbox;
using CareFlow.Infrastructure.Email;
using CareFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareFlow.Infrastructure.Outbox;

/// <summary>
/// Adds outbox rows to the scoped context's change tracker; they commit with the caller's burst or use case, and the
/// <see cref="OutboxCommitInterceptor"/> wakes the dispatcher once that commit has happened.
/// </summary>
public sealed class EfEmailOutbox(CareFlowDbContext db, IOptions<Core.Email.EmailOptions> emailOptions, TimeProvider time) : IEmailOutbox
{
    public async Task<bool> EnqueueAsync(OutboxEmail email, CancellationToken cancellationToken = default)
    {
        var to = MimeMessageFactory.RequireMailbox(email.To, "to");
        var from = MimeMessageFactory.RequireMailbox(email.Email.From, "from");
        HeaderText.Require(email.Email.Subject, "subject");
        if (db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity.Key == email.Key)
            || await db.Set<OutboxMessage>().AsNoTracking().AnyAsync(m => m.Key == email.Key, cancellationToken))
        {
            return false;
        }

        var now = time.GetUtcNow();
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            Key = email.Key,
            MessageId = OutboxKey.MessageId(email.Key, MessageIdDomain(from)),
            Template = $"{email.Email.Template}@{email.Email.Version}",
            From = from,
            To = to,
            Subject = email.Email.Subject,
            TextBody = email.Email.TextBody,
            HtmlBody = email.Email.HtmlBody,
            Topic = email.Topic,
            WorkflowInstanceId = email.WorkflowInstanceId,
            Status = OutboxStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = email.SendAfter > now ? email.SendAfter.Value : now,
            SendAfter = email.SendAfter > now ? email.SendAfter : null,
        });
        OutboxCommitInterceptor.MarkPending(db);
        return true;
    }

    /// <summary>
    /// Records an email that cannot even be built (e.g. the directory's address is not a mailbox) as already failed,
    /// so that the failure path runs exactly as for a 5xx. The recipient is kept only as a one-line, shortened string.
    /// </summary>
    public void AddRefused(OutboxEmail email, string reason)
    {
        var (key, to, rendered, topic) = (email.Key, email.To, email.Email, email.Topic);
        var now = time.GetUtcNow();
        var safeTo = Core.Email.Templates.EmailTemplates.Line(to);
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(now), Key = key, MessageId = OutboxKey.MessageId(key, "invalid.careflow.localhost"),
            Template = $"{rendered.Template}@{rendered.Version}", From = rendered.From, To = safeTo.Length > 300 ? safeTo[..300] : safeTo,
            Subject = rendered.Subject, TextBody = "", Topic = topic, Status = OutboxStatus.Failed, CreatedAt = now, NextAttemptAt = now,
            FailedAt = now, LastError = reason.Length > 1000 ? reason[..1000] : reason,
        });
        OutboxCommitInterceptor.MarkPending(db);
    }

    public Task<int> CancelPendingAsync(string topic, CancellationToken cancellationToken = default) => CancelAsync(topic, template: null, cancellationToken);

    public Task<int> CancelPendingAsync(string topic, string template, CancellationToken cancellationToken = default) => CancelAsync(topic, template, cancellationToken);

    private async Task<int> CancelAsync(string topic, string? template, CancellationToken cancellationToken)
    {
        var prefix = template is null ? "" : template + "@";
        var queued = db.ChangeTracker.Entries<OutboxMessage>()
            .Where(e => e.State == EntityState.Added && e.Entity.Topic == topic && e.Entity.Status == OutboxStatus.Pending && e.Entity.Template.StartsWith(prefix, StringComparison.Ordinal))
            .ToList();
        foreach (var entry in queued) entry.State = EntityState.Detached; // queued in this same unit of work: never written

        var pending = db.Set<OutboxMessage>().Where(m => m.Topic == topic && m.Status == OutboxStatus.Pending);
        if (template is not null) pending = pending.Where(m => m.Template.StartsWith(prefix));
        var rows = await pending.ToListAsync(cancellationToken);
        foreach (var row in rows) row.Status = OutboxStatus.Cancelled;
        return queued.Count + rows.Count;
    }

    private string MessageIdDomain(string from)
    {
        if (emailOptions.Value.MessageIdDomain is { Length: > 0 } configured) return configured;
        var at = from.LastIndexOf('@');
        var domain = at < 0 ? "" : from[(at + 1)..].TrimEnd('>', ' ');
        return domain.Length > 0 ? domain : "careflow.localhost";
    }
}
