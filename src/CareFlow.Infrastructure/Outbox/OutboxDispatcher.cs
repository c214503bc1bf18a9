using CareFlow.Core.Email;
using CareFlow.Core.Outbox;
using CareFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareFlow.Infrastructure.Outbox;

/// <summary>
/// Sends due outbox rows one by one through the (pooled) <see cref="IEmailSender"/>. Each row is claimed by a
/// conditional update, so two dispatchers (Hangfire runs jobs at least once) never send the same row; a row marked
/// sent is never sent again. Outcomes follow reliability-security.md §3.
/// </summary>
public sealed partial class OutboxDispatcher(
    CareFlowDbContext db,
    IEmailSender sender,
    IOutboxSignal signal,
    IEnumerable<IEmailFailureHandler> failureHandlers,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger)
{
    /// <summary>Sends every row that is due; returns how many were sent.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var sent = 0;
        var stop = false;
        while (!stop && !cancellationToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var ids = await Due(now).OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(settings.BatchSize).ToListAsync(cancellationToken);
            if (ids.Count == 0) break;
            var claimedAny = false;
            foreach (var id in ids)
            {
                var token = Guid.NewGuid();
                now = time.GetUtcNow();
                var claimed = await Due(now).Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, OutboxStatus.Sending)
                    .SetProperty(m => m.LockedUntil, now + settings.ClaimDuration)
                    .SetProperty(m => m.LockToken, token)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
                if (claimed == 0) continue;
                claimedAny = true;
                var row = await db.Set<OutboxMessage>().AsNoTracking().FirstAsync(m => m.Id == id, cancellationToken);
                var outcome = await SendAsync(row, token, cancellationToken);
                if (outcome == null) sent++;
                else if (outcome == SmtpFailureKind.Configuration) stop = true;
                if (stop) break;
            }

            if (!claimedAny) break;
        }

        await HandleFailuresAsync(cancellationToken);
        await ArmNextAsync(cancellationToken);
        return sent;
    }

    private IQueryable<OutboxMessage> Due(DateTimeOffset now) => db.Set<OutboxMessage>().Where(m =>
        (m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now) || (m.Status == OutboxStatus.Sending && m.LockedUntil < now));

    /// <summary>Sends one claimed row and records the outcome; null when sent.</summary>
    private async Task<SmtpFailureKind?> SendAsync(OutboxMessage row, Guid token, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var mine = db.Set<OutboxMessage>().Where(m => m.Id == row.Id && m.LockToken == token && m.Status == OutboxStatus.Sending);
        try
        {
            await sender.SendAsync(ToEmail(row), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var (kind, reason) = SmtpFailureClassifier.Classify(ex);
            reason = reason.Length > 1000 ? reason[..1000] : reason;
            var now = time.GetUtcNow();
            if (kind == SmtpFailureKind.Permanent || (kind != SmtpFailureKind.Configuration && row.Attempts >= settings.MaxAttempts))
            {
                LogFailed(row.Id, row.Template, reason);
                await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Failed).SetProperty(m => m.FailedAt, now)
                    .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null).SetProperty(m => m.LastError, reason), CancellationToken.None);
                return SmtpFailureKind.Permanent;
            }

            var delay = kind == SmtpFailureKind.Configuration ? settings.RetryMaxDelay : settings.Backoff(row.Attempts);
            if (kind == SmtpFailureKind.Configuration) LogConfiguration(ex, reason);
            else LogRetry(row.Id, kind, row.Attempts, delay.TotalSeconds, reason);

            // A configuration error is not this email's fault: the attempt is not counted against it.
            var attempts = kind == SmtpFailureKind.Configuration ? row.Attempts - 1 : row.Attempts;
            await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.NextAttemptAt, now + delay)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null).SetProperty(m => m.Attempts, attempts).SetProperty(m => m.LastError, reason), CancellationToken.None);
            return kind;
        }

        var sentAt = time.GetUtcNow();
        await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.SentAt, sentAt)
            .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null).SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
        return null;
    }

    /// <summary>The MIME message is rebuilt from the row: same Message-ID, Date and boundary, so every attempt is the same email.</summary>
    public static EmailMessage ToEmail(OutboxMessage row) => new(
        row.From, row.To, row.Subject, row.TextBody, row.HtmlBody, row.MessageId,
        new Dictionary<string, string> { ["X-CareFlow-Template"] = row.Template }, row.CreatedAt);

    private async Task HandleFailuresAsync(CancellationToken cancellationToken)
    {
        var failed = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Failed && m.FailureHandledAt == null).OrderBy(m => m.FailedAt).Take(options.Value.BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var row in failed)
        {
            try
            {
                var failure = new EmailDeliveryFailure(row.Id, row.Key, row.Template, row.Topic, row.WorkflowInstanceId, row.LastError ?? "failed");
                foreach (var handler in failureHandlers) await handler.HandleAsync(failure, cancellationToken);
                db.ChangeTracker.Clear();
                var now = time.GetUtcNow();
                await db.Set<OutboxMessage>().Where(m => m.Id == row.Id && m.FailureHandledAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.FailureHandledAt, now), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                db.ChangeTracker.Clear();
                logger.LogError(ex, "Handling the failure of outbox message {OutboxId} failed; it will be retried.", row.Id);
            }
        }
    }

    /// <summary>Schedules the next dispatch at the earliest future retry or claim expiry.</summary>
    private async Task ArmNextAsync(CancellationToken cancellationToken)
    {
        var pending = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Status == OutboxStatus.Pending)
            .OrderBy(m => m.NextAttemptAt).Select(m => (DateTimeOffset?)m.NextAttemptAt).FirstOrDefaultAsync(cancellationToken);
        var claimed = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Status == OutboxStatus.Sending)
            .OrderBy(m => m.LockedUntil).Select(m => m.LockedUntil).FirstOrDefaultAsync(cancellationToken);
        var next = new[] { pending, claimed }.Where(d => d is not null).Min();
        if (next is { } dueAt) signal.KickAt(dueAt);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Email {OutboxId} ({Template}) failed permanently: {Reason}. Incident raised.")]
    private partial void LogFailed(Guid outboxId, string template, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {OutboxId} attempt {Attempt} ended {Kind}; retrying in {DelaySeconds} s: {Reason}")]
    private partial void LogRetry(Guid outboxId, SmtpFailureKind kind, int attempt, double delaySeconds, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Email delivery stopped: SMTP configuration error ({Reason}). Fix the Smtp settings; the queue retries hourly.")]
    private partial void LogConfiguration(Exception exception, string reason);
}
