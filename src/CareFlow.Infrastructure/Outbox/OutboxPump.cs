using System.Threading.Channels;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CareFlow.Infrastructure.Outbox;

/// <summary>
/// The in-process dispatcher loop: woken at once after a commit that added rows (no job storage round trip, no
/// polling delay), and at the next due time (retry, scheduled reminder, expired claim). Future due times are also
/// armed as a Hangfire delayed job, which survives a restart and may run on any node; the sweep
/// (<see cref="OutboxRecoveryService"/>) covers whatever both miss. Every path runs the same
/// <see cref="OutboxDispatcher"/>, whose claims make extra wake-ups harmless.
/// </summary>
public sealed partial class OutboxPump(IServiceScopeFactory scopes, IBackgroundJobClient jobs, TimeProvider time, ILogger<OutboxPump> logger)
    : BackgroundService, IOutboxSignal
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lock _lock = new();
    private DateTimeOffset? _nextLocal;
    private DateTimeOffset? _nextHangfire;

    public void Kick() => _wake.Writer.TryWrite(true);

    public void KickAt(DateTimeOffset dueAt)
    {
        var now = time.GetUtcNow();
        if (dueAt <= now)
        {
            Kick();
            return;
        }

        bool earlier, arm;
        lock (_lock)
        {
            earlier = _nextLocal is not { } local || local <= now || dueAt < local;
            if (earlier) _nextLocal = dueAt;

            // One delayed job per distinct earliest time, not one per dispatcher run.
            arm = _nextHangfire is not { } armed || armed <= now || dueAt < armed;
            if (arm) _nextHangfire = dueAt;
        }

        // Only an earlier time wakes the loop to shorten its wait (the dispatcher arms the same time after every run).
        if (earlier) _wake.Writer.TryWrite(true);
        if (arm)
        {
            try
            {
                jobs.Schedule<OutboxDispatchJob>(j => j.RunAsync(CancellationToken.None), dueAt);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The local timer and the sweep still cover it.
                LogArmFailed(ex);
                lock (_lock) _nextHangfire = null;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            await WaitAsync(stoppingToken);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database or the sender is down; the next commit, due time or sweep wakes the loop again.
                LogDispatchFailed(ex);
            }
        }
    }

    private async Task WaitAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan? delay;
            lock (_lock)
            {
                var now = time.GetUtcNow();
                if (_nextLocal is { } due && due <= now)
                {
                    _nextLocal = null;
                    return;
                }

                delay = _nextLocal - now;
            }

            if (_wake.Reader.TryRead(out _))
            {
                return;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            if (delay is { } d) timeout.CancelAfter(d < TimeSpan.FromDays(1) ? d : TimeSpan.FromDays(1));
            try
            {
                await _wake.Reader.WaitToReadAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // The due time came.
            }
        }

        stoppingToken.ThrowIfCancellationRequested();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Arming the outbox's delayed Hangfire job failed; the local timer and the sweep cover it.")]
    private partial void LogArmFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox dispatch failed; retrying at the next wake-up or sweep.")]
    private partial void LogDispatchFailed(Exception exception);
}
