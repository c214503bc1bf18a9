using CareFlow.Core.Outbox;
using CareFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareFlow.Infrastructure.Outbox;

/// <summary>
/// Re-arms the outbox at start-up (unsent rows, scheduled reminders, expired claims from a crash, failures not yet handed to the workflow)
/// and then sweeps every <see cref="OutboxOptions.SweepInterval"/>, so no email depends on a Hangfire job surviving.
/// </summary>
public sealed class OutboxRecoveryService(
    IServiceScopeFactory scopes, IOutboxSignal signal, IOptions<OutboxOptions> options, TimeProvider time, ILogger<OutboxRecoveryService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var first = true;
        using var tick = new PeriodicTimer(options.Value.SweepInterval);
        do
        {
            try
            {
                var (waiting, next) = await CountWaitingAsync(stoppingToken);
                if (first) logger.LogInformation("Outbox re-armed: {Count} emails waiting, the next scheduled at {Next}.", waiting, next);
                if (waiting > 0) signal.Kick();

                // Scheduled emails (reminders, retries): armed again after a restart, in process and in Hangfire.
                if (next is { } dueAt) signal.KickAt(dueAt);
                first = false;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Outbox sweep failed; retrying at the next sweep.");
            }
        }
        while (await tick.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<(int Waiting, DateTimeOffset? Next)> CountWaitingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CareFlowDbContext>();
        var now = time.GetUtcNow();
        var waiting = await db.Set<OutboxMessage>().AsNoTracking().CountAsync(m =>
            (m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            || (m.Status == OutboxStatus.Sending && m.LockedUntil < now)
            || (m.Status == OutboxStatus.Failed && m.FailureHandledAt == null), cancellationToken);
        var next = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt > now)
            .OrderBy(m => m.NextAttemptAt).Select(m => (DateTimeOffset?)m.NextAttemptAt).FirstOrDefaultAsync(cancellationToken);
        return (waiting, next);
    }
}
