using System.Text.Json.Nodes;
using CareFlow.Core.Workflows;
using CareFlow.Workflows;
using CareFlow.Workflows.Management;
using CareFlow.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.IntegrationTests.Workflows;

/// <summary>
/// An event that arrives before its bookmark is kept for the retention and delivered exactly once
/// when the bookmark is committed; once the retention has passed it is dropped. The host runs without the 5-second
/// sweep, so delivery rests on the engine's own commit paths, and on a fake clock, so the retention can be crossed.
/// </summary>
public sealed class PendingEventTests(PendingEventHostFixture fixture) : IClassFixture<PendingEventHostFixture>
{
    private const string DefinitionId = "delay-then-event";
    private const string EventName = "approved";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private EngineHost Host => fixture.Host;

    private TimeSpan Retention => Host.Services.GetRequiredService<WorkflowOptions>().EventQueueRetention;

    [Fact]
    public async Task TriggerEventAsync_KeepsTheEventAndDeliversItOnce_WhenTheBookmarkIsCommittedWithinTheRetention()
    {
        await PublishOnceAsync();
        var state = await StartAsync("early-1");

        var resumedAtTrigger = await Host.WithRuntimeAsync(r => r.TriggerEventAsync(new EventStimulus(EventName, "early-1", null, new JsonObject { ["ok"] = true }), Token));
        Assert.Equal((0, 1L), (resumedAtTrigger, await PendingForAsync("early-1")));

        fixture.Clock.Advance(Retention - TimeSpan.FromMinutes(1));
        var fired = await FireDelayAsync(state);

        Assert.Equal(ResumeStatus.Resumed, fired.Status);
        var row = await RowAsync(state.Id);
        Assert.Equal(("Finished", 1, 1, 0), (row.SubStatus, row.ResumedOf(WorkflowModels.Timer), row.ResumedOf(WorkflowModels.Event), row.OpenBookmarks));
        Assert.Equal(0L, await PendingForAsync("early-1"));
        Assert.Equal(0, await Host.WithEfRuntimeAsync(r => r.DeliverPendingEventsAsync(Token)));
        Assert.Equal(1, (await RowAsync(state.Id)).ResumedOf(WorkflowModels.Event));
    }

    [Fact]
    public async Task TriggerEventAsync_IsAppliedOnce_WhenItRacesTheCommitOfItsBookmarkByZeroTo50Milliseconds()
    {
        await PublishOnceAsync();
        const int Instances = 24;
        var states = new List<WorkflowState>();
        for (var i = 0; i < Instances; i++) states.Add(await StartAsync($"race-{i}"));

        // Even instances: the event is sent 0-50 ms after the timer starts committing the Event bookmark; odd: before.
        await Task.WhenAll(states.Select((state, i) => Task.Run(
            async () =>
            {
                var skew = TimeSpan.FromMilliseconds(i / 2 % 6 * 10);
                var fire = i % 2 == 0 ? FireDelayAsync(state) : DelayThen(skew, () => FireDelayAsync(state));
                var trigger = i % 2 == 0
                    ? DelayThen(skew, () => Host.WithRuntimeAsync(r => r.TriggerEventAsync(new EventStimulus(EventName, $"race-{i}", null, null), Token)))
                    : Host.WithRuntimeAsync(r => r.TriggerEventAsync(new EventStimulus(EventName, $"race-{i}", null, null), Token));
                await Task.WhenAll(fire, trigger);
            },
            Token)));

        foreach (var state in states)
        {
            var row = await RowAsync(state.Id);
            Assert.True(
                (row.SubStatus, row.ResumedOf(WorkflowModels.Timer), row.ResumedOf(WorkflowModels.Event), row.OpenBookmarks) == ("Finished", 1, 1, 0),
                $"{row.CorrelationId}: {row.SubStatus}, timer resumed {row.ResumedOf(WorkflowModels.Timer)}, event resumed {row.ResumedOf(WorkflowModels.Event)}, open bookmarks {row.OpenBookmarks}");
            Assert.Equal(0L, await PendingForAsync(row.CorrelationId!));
        }
    }

    [Fact]
    public async Task TriggerEventAsync_DropsTheEvent_WhenItsBookmarkAppearsAfterTheRetention()
    {
        await PublishOnceAsync();
        var state = await StartAsync("late-1");
        Assert.Equal(0, await Host.WithRuntimeAsync(r => r.TriggerEventAsync(new EventStimulus(EventName, "late-1", null, new JsonObject { ["stale"] = true }), Token)));

        fixture.Clock.Advance(Retention + TimeSpan.FromMinutes(1));
        Assert.Equal(ResumeStatus.Resumed, (await FireDelayAsync(state)).Status);

        var row = await RowAsync(state.Id);
        Assert.True(
            (row.SubStatus, row.ResumedOf(WorkflowModels.Event), row.OpenBookmarks) == ("Suspended", 0, 1),
            $"The expired event must not be delivered: sub-status {row.SubStatus}, event resumed {row.ResumedOf(WorkflowModels.Event)}, open bookmarks {row.OpenBookmarks}.");
        Assert.Equal(0, await Host.WithEfRuntimeAsync(r => r.DeliverPendingEventsAsync(Token)));
        Assert.Equal(0L, await PendingForAsync("late-1"));

        // The bookmark is live: a fresh event is delivered at once.
        Assert.Equal(1, await Host.WithRuntimeAsync(r => r.TriggerEventAsync(new EventStimulus(EventName, "late-1", null, null), Token)));
        row = await RowAsync(state.Id);
        Assert.Equal(("Finished", 1), (row.SubStatus, row.ResumedOf(WorkflowModels.Event)));
    }

    private static async Task<T> DelayThen<T>(TimeSpan skew, Func<Task<T>> action)
    {
        if (skew > TimeSpan.Zero) await Task.Delay(skew, Token);
        return await action();
    }

    private async Task PublishOnceAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var definitions = scope.ServiceProvider.GetRequiredService<WorkflowDefinitionService>();
        if (await definitions.GetAsync(DefinitionId, VersionOptions.Published, Token) is null)
        {
            await Host.PublishAsync(WorkflowModels.DelayThenEvent(DefinitionId, EventName), Token);
        }
    }

    /// <summary>Starts an instance waiting on a one-hour Delay: Hangfire will not fire it during the test; the test does.</summary>
    private async Task<WorkflowState> StartAsync(string correlationId)
    {
        var request = new StartWorkflowRequest { CorrelationId = correlationId, Input = new JsonObject { ["delay"] = "01:00:00" } };
        var state = await Host.WithRuntimeAsync(r => r.StartAsync(DefinitionId, VersionOptions.Published, request, Token));
        Assert.Equal(WorkflowSubStatus.Suspended, state!.SubStatus);
        return state;
    }

    /// <summary>What ResumeWorkflowJob does when the timer is due.</summary>
    private Task<ResumeOutcome> FireDelayAsync(WorkflowState state) =>
        Host.WithRuntimeAsync(r => r.ResumeAsync(state.Id, state.Bookmarks.Single(b => b.ActivityId == WorkflowModels.Timer).Id, input: null, Token));

    private async Task<JournalQueries.InstanceRow> RowAsync(string instanceId) =>
        (await JournalQueries.InstancesAsync(Host.Database, DefinitionId, Token)).Single(r => r.Id == instanceId);

    private Task<long> PendingForAsync(string correlationId) =>
        Host.Database.ScalarAsync("SELECT count(*) FROM workflows.pending_events WHERE correlation_id = @c", Token, ("c", correlationId));
}
