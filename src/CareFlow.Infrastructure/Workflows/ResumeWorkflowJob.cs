using CareFlow.Core.Workflows;
using CareFlow.Infrastructure.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CareFlow.Infrastructure.Workflows;

/// <summary>Hangfire job that fires a timer bookmark. No business logic: it only resumes, and running it twice is harmless.</summary>
public sealed class ResumeWorkflowJob(IWorkflowRuntime runtime, CareFlowDbContext db, IWorkflowTimerScheduler timers, TimeProvider time)
{
    [AutomaticRetry(Attempts = 10)]
    public async Task RunAsync(string instanceId, string bookmarkId, CancellationToken cancellationToken)
    {
        var dueAt = await db.Set<BookmarkRecord>().AsNoTracking().Where(b => b.Id == bookmarkId).Select(b => b.ResumeAt).FirstOrDefaultAsync(cancellationToken);
        if (dueAt is null) return;

        // The due time lives in the database and follows the injected clock; a job that fires early is re-armed.
        if (dueAt.Value > time.GetUtcNow())
        {
            timers.Schedule(instanceId, bookmarkId, dueAt.Value);
            return;
        }

        await runtime.ResumeAsync(instanceId, bookmarkId, input: null, cancellationToken);
    }
}
