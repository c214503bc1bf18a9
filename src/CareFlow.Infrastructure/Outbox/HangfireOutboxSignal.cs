using Hangfire;

namespace CareFlow.Infrastructure.Outbox;

/// <summary>Each kick is a Hangfire job; extra jobs are harmless because the dispatcher claims rows conditionally.</summary>
public sealed class HangfireOutboxSignal(IBackgroundJobClient jobs, TimeProvider time) : IOutboxSignal
{
    public void Kick() => jobs.Enqueue<OutboxDispatchJob>(j => j.RunAsync(CancellationToken.None));

    public void KickAt(DateTimeOffset dueAt)
    {
        var delay = dueAt - time.GetUtcNow();
        if (delay <= TimeSpan.Zero) Kick();
        else jobs.Schedule<OutboxDispatchJob>(j => j.RunAsync(CancellationToken.None), delay);
    }
}
