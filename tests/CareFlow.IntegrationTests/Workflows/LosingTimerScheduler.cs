using CareFlow.Infrastructure.Workflows;

namespace CareFlow.IntegrationTests.Workflows;

/// <summary>
/// Loses the first <c>lose</c> timers it is asked to arm and passes the rest on: what a crash between the commit of a
/// timer bookmark and its Hangfire enqueue leaves (or an enqueue that failed on a database hiccup after the commit).
/// </summary>
public sealed class LosingTimerScheduler(IWorkflowTimerScheduler inner, int lose) : IWorkflowTimerScheduler
{
    private int _lost;

    public int Lost => Volatile.Read(ref _lost);

    public void Schedule(string instanceId, string bookmarkId, DateTimeOffset dueAt)
    {
        if (Interlocked.Increment(ref _lost) <= lose) return;
        Interlocked.Decrement(ref _lost);
        inner.Schedule(instanceId, bookmarkId, dueAt);
    }
}
