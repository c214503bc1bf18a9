using CareFlow.Core.Workflows;
using CareFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CareFlow.Infrastructure.Workflows;

/// <summary>
/// After start-up, re-arms every pending timer from the database (Hangfire's storage may have lost them) in
/// batches, without delaying readiness; then keeps delivering events that arrived before their bookmark.
/// </summary>
public sealed class WorkflowRecoveryService(IServiceScopeFactory scopes, ILogger<WorkflowRecoveryService> logger) : BackgroundService
{
    private const int BatchSize = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            var rearmed = await RearmTimersAsync(stoppingToken);
            logger.LogInformation("Re-armed {Count} pending workflow timers.", rearmed);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Re-arming workflow timers failed; they will be re-armed at the next start.");
        }

        using var tick = new PeriodicTimer(TimeSpan.FromSeconds(5));
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
        }
    }

    private async Task<int> RearmTimersAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        string? after = null;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CareFlowDbContext>();
            var timers = scope.ServiceProvider.GetRequiredService<IWorkflowTimerScheduler>();
            var query = db.Set<BookmarkRecord>().AsNoTracking().Where(b => b.ResumeAt != null);
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
