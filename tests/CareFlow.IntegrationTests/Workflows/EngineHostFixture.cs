using CareFlow.Infrastructure.Workflows;
using CareFlow.Workflows;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CareFlow.IntegrationTests.Workflows;

/// <summary>One in-process engine host on its own fresh database, shared by the tests of one class.</summary>
public abstract class EngineHostFixture(string prefix, FakeTimeProvider? clock = null, bool recovery = true, Action<IServiceCollection>? configure = null) : IAsyncLifetime
{
    private EngineHost? _host;

    public EngineHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public FakeTimeProvider Clock => clock ?? throw new InvalidOperationException("This host runs on the system clock.");

    public async ValueTask InitializeAsync() => _host = await EngineHost.StartAsync(prefix, clock, recovery, configure, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>System clock, recovery on.</summary>
public sealed class ResumeRaceHostFixture() : EngineHostFixture("resume_race");

/// <summary>A fake clock (so retention can be crossed) and no background sweep (so only the engine's own paths deliver).</summary>
public sealed class PendingEventHostFixture() : EngineHostFixture("pending_events", new FakeTimeProvider(DateTimeOffset.UtcNow), recovery: false);

/// <summary>System clock; Hangfire's BackgroundJobServer on PostgreSQL storage fires the timers.</summary>
public sealed class HangfireTimerHostFixture() : EngineHostFixture("hangfire_timers");

/// <summary>System clock, own database: its Hangfire lock table is tampered with.</summary>
public sealed class StaleLockHostFixture() : EngineHostFixture("stale_lock");

/// <summary>
/// System clock; the first timer the engine arms is lost, as when the process dies between commit and enqueue. The
/// overdue-timer sweep runs every 2 s instead of every minute, to keep the suite short.
/// </summary>
public sealed class LostArmingHostFixture() : EngineHostFixture("lost_arming", configure: services =>
{
    services.AddCareFlowWorkflows(o => o.OverdueTimerSweep = TimeSpan.FromSeconds(2));
    services.AddSingleton<IWorkflowTimerScheduler>(sp => new LosingTimerScheduler(
        new HangfireWorkflowTimerScheduler(sp.GetRequiredService<IBackgroundJobClient>(), sp.GetRequiredService<TimeProvider>()), lose: 1));
});
