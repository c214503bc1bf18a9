using System.Diagnostics;
using CareFlow.Core.Email;
using CareFlow.Core.Outbox;
using CareFlow.Infrastructure.Email;
using CareFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareFlow.Infrastructure.Outbox;

/// <summary>
/// Sends due outbox rows over the pooled <see cref="IEmailSender"/> connection. Rows are claimed in batches by one
/// statement (<see cref="OutboxClaims"/>), so two dispatchers (nodes, Hangfire running a job at least once) never
/// send the same row while its claim lasts, and the sent ones are marked in one update per batch. A crash between the
/// send and that update resends the row after its claim expires, with the same Message-ID (at least once to SMTP,
/// once in the database). Outcomes follow <see cref="SmtpFailureKind"/>; an authentication or configuration error
/// pauses the whole queue (<see cref="OutboxPause"/>) instead of failing emails.
/// </summary>
public sealed partial class OutboxDispatcher(
    CareFlowDbContext db,
    IEmailSender sender,
    IOutboxSignal signal,
    OutboxPause pause,
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
        while (!pause.IsPaused && !cancellationToken.IsCancellationRequested)
        {
            var token = Guid.NewGuid();
            var now = time.GetUtcNow();
            var batch = await OutboxClaims.ClaimAsync(db, now, now + settings.ClaimDuration, token, settings.BatchSize, cancellationToken);
            if (batch.Count == 0) break;
            var (delivered, stopped) = await SendBatchAsync(batch, token, cancellationToken);
            sent += delivered;
            if (stopped || batch.Count < settings.BatchSize) break;
        }

        await HandleFailuresAsync(cancellationToken);
        if (!pause.IsPaused) await ArmNextAsync(cancellationToken);
        return sent;
    }

    /// <summary>Sends one claimed batch; returns how many were delivered and whether the batch stopped early.</summary>
    private async Task<(int Delivered, bool Stopped)> SendBatchAsync(List<OutboxMessage> batch, Guid token, CancellationToken cancellationToken)
    {
        var delivered = new List<Guid>(batch.Count);
        var index = 0;
        DateTimeOffset? releaseAt = null;
        var flushedAt = Stopwatch.GetTimestamp();
        var marked = 0;
        try
        {
            for (; index < batch.Count && !cancellationToken.IsCancellationRequested && !pause.IsPaused; index++)
            {
                var row = batch[index];
                try
                {
                    await sender.SendAsync(ToEmail(row), cancellationToken);
                    delivered.Add(row.Id);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    // Each row keeps its own retry schedule (as before batching); only an authentication or
                    // configuration error stops the batch: the queue pauses and the rest wait, their attempts uncounted.
                    var (kind, next) = await RecordFailureAsync(row, token, ex);
                    if (kind == SmtpFailureKind.Configuration)
                    {
                        releaseAt = next;
                        index++;
                        break;
                    }
                }

                if (delivered.Count > 0 && Stopwatch.GetElapsedTime(flushedAt) >= options.Value.MarkSentInterval)
                {
                    // Bounds what a crash resends (same Message-ID) to what was sent since the last mark.
                    await MarkSentAsync(delivered, token);
                    marked += delivered.Count;
                    delivered.Clear();
                    flushedAt = Stopwatch.GetTimestamp();
                }
            }
        }
        finally
        {
            await MarkSentAsync(delivered, token);
            if (index < batch.Count) await ReleaseAsync(batch.Skip(index).Select(r => r.Id).ToList(), token, releaseAt ?? time.GetUtcNow());
        }

        return (marked + delivered.Count, index < batch.Count || releaseAt is not null);
    }

    private async Task MarkSentAsync(List<Guid> ids, Guid token)
    {
        if (ids.Count == 0) return;
        var sentAt = time.GetUtcNow();
        await db.Set<OutboxMessage>().Where(m => ids.Contains(m.Id) && m.LockToken == token && m.Status == OutboxStatus.Sending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.SentAt, sentAt)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null).SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
    }

    /// <summary>Hands claimed but unattempted rows back, their attempt not counted.</summary>
    private async Task ReleaseAsync(List<Guid> ids, Guid token, DateTimeOffset nextAttemptAt)
    {
        if (ids.Count == 0) return;
        await db.Set<OutboxMessage>().Where(m => ids.Contains(m.Id) && m.LockToken == token && m.Status == OutboxStatus.Sending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.NextAttemptAt, nextAttemptAt)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null).SetProperty(m => m.Attempts, m => m.Attempts - 1), CancellationToken.None);
    }

    /// <summary>Records a failed attempt of one claimed row; returns its kind and when the row is due again.</summary>
    private async Task<(SmtpFailureKind Kind, DateTimeOffset? Next)> RecordFailureAsync(OutboxMessage row, Guid token, Exception ex)
    {
        var settings = options.Value;
        var mine = db.Set<OutboxMessage>().Where(m => m.Id == row.Id && m.LockToken == token && m.Status == OutboxStatus.Sending);
        var (kind, reason) = SmtpFailureClassifier.Classify(ex);
        reason = reason.Length > 1000 ? reason[..1000] : reason;
        var now = time.GetUtcNow();
        if (kind == SmtpFailureKind.Permanent || (kind != SmtpFailureKind.Configuration && row.Attempts >= settings.MaxAttempts))
        {
            LogFailed(row.Id, row.Template, reason);
            await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Failed).SetProperty(m => m.FailedAt, now)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null).SetProperty(m => m.LastError, reason), CancellationToken.None);
            return (SmtpFailureKind.Permanent, null);
        }

        if (kind == SmtpFailureKind.Configuration)
        {
            // Not this email's fault: back to pending with its attempt uncounted, and the queue stops until resumed.
            if (pause.TryPause(reason)) LogPaused(ex, reason);
            await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null).SetProperty(m => m.Attempts, m => m.Attempts - 1), CancellationToken.None);
            return (kind, now);
        }

        var delay = settings.Backoff(row.Attempts);
        LogRetry(row.Id, kind, row.Attempts, delay.TotalSeconds, reason);
        await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.NextAttemptAt, now + delay)
            .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null).SetProperty(m => m.LastError, reason), CancellationToken.None);
        return (kind, now + delay);
    }

    /// <summary>The MIME message is rebuilt from the row: same Message-ID, Date and boundary, so every attempt is the same email.</summary>
    public static EmailMessage ToEmail(OutboxMessage row) => new(
        row.From, row.To, row.Subject, row.TextBody, row.HtmlBody, row.MessageId,
        new Dictionary<string, string> { ["X-CareFlow-Template"] = row.Template }, row.SendAfter ?? row.CreatedAt);

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

    [LoggerMessage(Level = LogLevel.Critical, Message = "Email delivery paused: SMTP authentication or configuration error ({Reason}). Fix the Smtp settings, then resume on /admin/outbox or restart.")]
    private partial void LogPaused(Exception exception, string reason);
}
