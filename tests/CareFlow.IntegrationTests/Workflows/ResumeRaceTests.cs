using CareFlow.Core.Workflows;
using CareFlow.Workflows.Management;
using CareFlow.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.IntegrationTests.Workflows;

/// <summary>A bookmark resumes exactly once however many callers race, on the real PostgreSQL.</summary>
public sealed class ResumeRaceTests(ResumeRaceHostFixture fixture) : IClassFixture<ResumeRaceHostFixture>
{
    private const int Rounds = 10;
    private const int Racers = 20;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private EngineHost Host => fixture.Host;

    [Fact]
    public async Task ResumeAsync_ResumesOnceAndAnswersAlreadyResumed_When20CallersRaceForOneBookmark()
    {
        await Host.PublishAsync(WorkflowModels.SingleEvent("race-one", "approve"), Token);
        for (var round = 0; round < Rounds; round++)
        {
            var state = await StartAsync("race-one");
            var bookmark = Assert.Single(state.Bookmarks);

            var outcomes = await RaceAsync(Enumerable.Repeat(bookmark.Id, Racers).ToList(), state.Id);

            Assert.Equal((1, Racers - 1), (outcomes.Count(o => o.Status == ResumeStatus.Resumed), outcomes.Count(o => o.Status == ResumeStatus.AlreadyResumed)));
        }

        var rows = await JournalQueries.InstancesAsync(Host.Database, "race-one", Token);
        Assert.Equal(Rounds, rows.Count);
        Assert.All(rows, r => Assert.Equal(("Finished", "Finished", 1, 0), (r.Status, r.SubStatus, r.ResumedOf(WorkflowModels.Event), r.OpenBookmarks)));
    }

    [Fact]
    public async Task ResumeAsync_AppliesBoth_WhenTwoBookmarksOfOneInstanceAreResumedAtOnce()
    {
        await Host.PublishAsync(WorkflowModels.TwoEvents("race-two"), Token);
        for (var round = 0; round < Rounds; round++)
        {
            var state = await StartAsync("race-two");
            Assert.Equal(2, state.Bookmarks.Count);

            var outcomes = await RaceAsync([.. state.Bookmarks.Select(b => b.Id)], state.Id);

            Assert.All(outcomes, o => Assert.Equal(ResumeStatus.Resumed, o.Status));
        }

        var rows = await JournalQueries.InstancesAsync(Host.Database, "race-two", Token);
        Assert.Equal(Rounds, rows.Count);
        Assert.All(rows, r => Assert.Equal(("Finished", "Finished", 1, 1, 0), (r.Status, r.SubStatus, r.ResumedOf("a"), r.ResumedOf("b"), r.OpenBookmarks)));
        foreach (var row in rows)
        {
            var journal = await JournalQueries.JournalAsync(Host.Database, row.Id, Token);
            Assert.Single(journal, j => j.ActivityId == WorkflowModels.Join && j.EventName == "Completed");
        }
    }

    private async Task<WorkflowState> StartAsync(string definitionId) =>
        await Host.WithRuntimeAsync(r => r.StartAsync(definitionId, VersionOptions.Published, new StartWorkflowRequest(), Token))
        ?? throw new InvalidOperationException($"{definitionId} is not published.");

    /// <summary>Each racer has its own scope (DbContext and connection) ready before a common gate opens.</summary>
    private async Task<ResumeOutcome[]> RaceAsync(IReadOnlyList<string> bookmarkIds, string instanceId)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ready = bookmarkIds.Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToList();
        var racers = bookmarkIds.Select((bookmarkId, i) => Task.Run(async () =>
        {
            await using var scope = Host.Services.CreateAsyncScope();
            var runtime = scope.ServiceProvider.GetRequiredService<IWorkflowRuntime>();
            ready[i].SetResult();
            await gate.Task;
            return await runtime.ResumeAsync(instanceId, bookmarkId, input: null, Token);
        }, Token)).ToList();
        await Task.WhenAll(ready.Select(r => r.Task));
        gate.SetResult();
        return await Task.WhenAll(racers);
    }
}
