using System.Text.Json.Nodes;
using CareFlow.Workflows.Management;
using CareFlow.Workflows.Runtime;
using Xunit.Sdk;

namespace CareFlow.IntegrationTests.Workflows;

/// <summary>
/// A timer fires once across a crash: Hangfire.PostgreSql's distributed locks are rows in
/// hangfire.lock, and a node SIGKILLed while its delayed-job scheduler holds <c>locks:schedulepoller</c> leaves that
/// row behind (a kill-restart run can leave exactly this row). Until the row is considered stale
/// (PostgreSqlStorageOptions.DistributedLockTimeout, 10 minutes by default) no node moves a scheduled job to its
/// queue: every timer armed before the crash, and every Hangfire retry, waits. The test leaves the row a killed node
/// leaves and expects a timer to fire within a minute of its due time; the 3-minute recovery bound
/// leaves no room for ten.
/// </summary>
[Collection(RecoveryTestsSerial.Name)]
public sealed class HangfireStaleLockTests(StaleLockHostFixture fixture, ITestOutputHelper output) : IClassFixture<StaleLockHostFixture>
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private EngineHost Host => fixture.Host;

    [Fact]
    public async Task Delay_FiresWithinAMinuteOfItsDueTime_WhenAKilledNodeLeftTheSchedulePollerLockBehind()
    {
        await Host.PublishAsync(WorkflowModels.DelayOnly("delay-after-crash"), Token);
        await LeaveTheLockOfAKilledNodeAsync();

        var request = new StartWorkflowRequest { Input = new JsonObject { ["delay"] = Delay.ToString("c", System.Globalization.CultureInfo.InvariantCulture) } };
        var state = (await Host.WithRuntimeAsync(r => r.StartAsync("delay-after-crash", VersionOptions.Published, request, Token)))!;
        var due = state.Bookmarks.Single().ResumeAt!.Value;

        try
        {
            await Poll.UntilAsync(
                async () =>
                {
                    var unfinished = await JournalQueries.UnfinishedCountAsync(Host.Database, "delay-after-crash", Token);
                    return (unfinished == 0, $"timer due {due:HH:mm:ss} not fired; hangfire.lock: {await LocksAsync()}");
                },
                Delay + Bound,
                "the timer fired",
                Token,
                TimeSpan.FromMilliseconds(500));
        }
        catch (TimeoutException ex)
        {
            throw new XunitException($"A stale Hangfire lock stalls timers: {ex.Message}");
        }

        var resumed = (await JournalQueries.JournalAsync(Host.Database, state.Id, Token)).Single(j => j.ActivityId == WorkflowModels.Timer && j.EventName == "Resumed");
        output.WriteLine($"due {due:HH:mm:ss.fff}, resumed {resumed.Timestamp:HH:mm:ss.fff} ({(resumed.Timestamp - due).TotalSeconds:0.0} s late) with a stale schedule-poller lock");
    }

    /// <summary>
    /// The row a node killed inside the delayed-job scheduler 20 s ago leaves (a restart takes about that long), inserted
    /// once the live holder, if any, lets go.
    /// </summary>
    private async Task LeaveTheLockOfAKilledNodeAsync() =>
        await Poll.UntilAsync(
            async () =>
            {
                var inserted = await Host.Database.ScalarAsync(
                    """
                    WITH planted AS (
                        INSERT INTO hangfire.lock (resource, updatecount, acquired)
                        VALUES ('hangfire:locks:schedulepoller', 0, now() - interval '20 seconds')
                        ON CONFLICT DO NOTHING RETURNING 1)
                    SELECT count(*) FROM planted
                    """,
                    Token);
                return (inserted == 1, "the live scheduler holds the lock");
            },
            TimeSpan.FromSeconds(10),
            "the schedule-poller lock row left as a killed node leaves it",
            Token,
            TimeSpan.FromMilliseconds(20));

    private async Task<string> LocksAsync() =>
        string.Join(", ", await Host.Database.QueryAsync("SELECT resource, acquired FROM hangfire.lock", r => $"{r.GetString(0)} since {r.GetFieldValue<DateTime>(1):HH:mm:ss}", Token));
}
