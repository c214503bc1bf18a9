using Hangfire;

namespace CareFlow.Infrastructure.Workflows;

/// <summary>Arms timers as Hangfire jobs; the due time itself stays in the bookmark row.</summary>
public sealed class HangfireWorkflowTimerScheduler(IBackgroundJobClient jobs, TimeProvider time) : IWorkflowTimerScheduler
{
    public void Schedule(string instanceId, string bookmarkId, DateTimeOffset dueAt)
    {
        var delay = dueAt - time.GetUtcNow();
        if (delay <= TimeSpan.Zero) jobs.Enqueue<ResumeWorkflowJob>(j => j.RunAsync(instanceId, bookmarkId, CancellationToken.None));
        else jobs.Schedule<ResumeWorkflowJob>(j => j.RunAsync(instanceId, bookmarkId, CancellationToken.None), delay);
    }
}
