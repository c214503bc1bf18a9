using Hangfire;

namespace CareFlow.Infrastructure.Outbox;

/// <summary>The Hangfire job that sends due outbox rows. Idempotent: rows are claimed by a conditional update.</summary>
public sealed class OutboxDispatchJob(OutboxDispatcher dispatcher)
{
    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(CancellationToken cancellationToken) => dispatcher.DispatchDueAsync(cancellationToken);
}
