using CareFlow.Core.Workflows;
using CareFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CareFlow.Infrastructure.Care;

/// <summary>
/// Delivers the care signals whose delivery was cut short (the node died after the change committed, before the
/// resume did): every waiting one at start-up, then every few seconds the ones older than a grace period (younger ones
/// are still being delivered by the request that raised them). Delivering twice is harmless: a bookmark is resumed once.
/// </summary>
public sealed partial class CareSignalRecoveryService(IServiceScopeFactory scopes, TimeProvider time, ILogger<CareSignalRecoveryService> logger) : BackgroundService
{
    private const int BatchSize = 100;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        DateTimeOffset? olderThan = null;
        using var tick = new PeriodicTimer(Interval);
        do
        {
            try
            {
                var delivered = await DeliverAsync(olderThan, stoppingToken);
                if (delivered > 0) LogDelivered(delivered);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }

            olderThan = time.GetUtcNow() - Grace;
        }
        while (await tick.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<int> DeliverAsync(DateTimeOffset? olderThan, CancellationToken cancellationToken)
    {
        // Each batch is deleted once delivered (a failed resume throws and ends this sweep), so the next query moves on.
        var count = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CareFlowDbContext>();
            var query = db.Set<PendingSignalRecord>().AsNoTracking();
            if (olderThan is { } before) query = query.Where(s => s.CreatedAt < before);
            var batch = await query.OrderBy(s => s.CreatedAt).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0) return count;
            await EfCareSignals.DeliverAsync(db, scope.ServiceProvider.GetRequiredService<IWorkflowRuntime>(), batch, cancellationToken);
            count += batch.Count;
            if (batch.Count < BatchSize) return count;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivered {Count} workflow signals left undelivered (a node stopped between a change and its resume).")]
    private partial void LogDelivered(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering left-over workflow signals failed; retrying shortly.")]
    private partial void LogFailed(Exception exception);
}
