using CareFlow.Infrastructure.Persistence;
using CareFlow.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CareFlow.Infrastructure.Workflows;

/// <summary>
/// After start-up, re-arms every pending timer from the database (Hangfire's storage may have lost them) in
/// batches, without delaying readiness; then keeps delivering events that arrived before their bookmark, and now and
/// then re-arms timers long overdue (their arming was lost after the commit, and no node restarted to re-arm them).
/// </summary>
public sealed class WorkflowRecoveryService(IServiceScopeFactory scopes, WorkflowOptions options, TimeProvider time, ILogger<WorkflowRecoveryService> logger) : BackgroundService
{
    private const int BatchSize = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            var rearmed = await RearmTimersAsync(dueBefore: null, stoppingToken);
            logger.LogInformation("Re-armed {Count} pending workflow timers.", rearmed);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Re-arming workflow timers failed; they will be re-armed at the next start.");
        }

        using var tick = new PeriodicTimer(TimeSpan.FromSeconds(5));
        var nextSweep = time.GetUtcNow() + options.OverdueTimerSweep;
        while (await tick.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<EfWorkflowRuntime>().DeliverPendingEventsAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Delivering pending workflow events failed; retrying shortly.");
            }

            if (options.OverdueTimerSweep <= TimeSpan.Zero || time.GetUtcNow() < nextSweep) continue;
            nextSweep = time.GetUtcNow() + options.OverdueTimerSweep;
            try
            {
                var overdue = await RearmTimersAsync(time.GetUtcNow() - options.OverdueTimerSweep, stoppingToken);
                if (overdue > 0) logger.LogWarning("Re-armed {Count} overdue workflow timers.", overdue);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Re-arming overdue workflow timers failed; retrying at the next sweep.");
            }
        }
    }

    private async Task<int> RearmTimersAsync(DateTimeOffset? dueBefore, CancellationToken cancellationToken)
    {
        var count = 0;
        string? after = null;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CareFlowDbContext>();
            var timers = scope.ServiceProvider.GetRequiredService<IWorkflowTimerScheduler>();
            var query = db.Set<BookmarkRecord>().AsNoTracking().Where(b => b.ResumeAt != null);
            if (dueBefore is { } before) query = query.Where(b => b.ResumeAt <= before);
#pragma warning disable CA1309 // EF translates string.Compare to SQL's ordinal (binary/collation) comparison; the ordinal overload is not translatable.
            if (after is not null) query = query.Where(b => string.Compare(b.Id, after) > 0);
#pragma warning restore CA1309
            var batch = await query.OrderBy(b => b.Id).Take(BatchSize).Select(b => new { b.Id, b.InstanceId, b.ResumeAt }).ToListAsync(cancellationToken);
            foreach (var bookmark in batch) timers.Schedule(bookmark.InstanceId, bookmark.Id, bookmark.ResumeAt!.Value);
            count += batch.Count;
            if (batch.Count < BatchSize) return count;
            after = batch[^1].Id;
        }
    }
}
