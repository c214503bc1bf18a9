using System.Text.Json.Nodes;
using CareFlow.Workflows.Management;
using CareFlow.Workflows.Runtime;
using Xunit.Sdk;

namespace CareFlow.IntegrationTests.Workflows;

/// <summary>
/// Timers are fired by Hangfire (a real BackgroundJobServer on PostgreSQL storage), on time and once.
/// In the serial collection: lateness is measured, so no load test runs beside it.
/// </summary>
[Collection(ProcessTestsSerial.Name)]
public sealed class HangfireTimerTests(HangfireTimerHostFixture fixture, ITestOutputHelper output) : IClassFixture<HangfireTimerHostFixture>
{
    private const int Timers = 10;
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(5);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private EngineHost Host => fixture.Host;

    [Fact]
    public async Task Delay_IsResumedByHangfireOnceWithinSecondsOfItsDueTime_WhenTheHostRuns()
    {
        await Host.PublishAsync(WorkflowModels.DelayOnly("delay-only"), Token);
        var started = new List<WorkflowState>();
        for (var i = 0; i < Timers; i++)
        {
            var request = new StartWorkflowRequest { Input = new JsonObject { ["delay"] = Delay.ToString("c", System.Globalization.CultureInfo.InvariantCulture) } };
            started.Add((await Host.WithRuntimeAsync(r => r.StartAsync("delay-only", VersionOptions.Published, request, Token)))!);
        }

        // Finished, and Hangfire has recorded each job's success (it does so just after the job's own commit).
        await Poll.UntilAsync(
            async () =>
            {
                var unfinished = await JournalQueries.UnfinishedCountAsync(Host.Database, "delay-only", Token);
                var succeeded = await Host.Database.ScalarAsync(
                    "SELECT count(*) FROM hangfire.job WHERE statename = 'Succeeded' AND invocationdata::text LIKE '%ResumeWorkflowJob%'", Token);
                return (unfinished == 0 && succeeded >= Timers, $"{unfinished} of {Timers} instances not finished, {succeeded} timer jobs succeeded");
            },
            Delay + TimeSpan.FromSeconds(30),
            "every Delay fired by Hangfire",
            Token);

        var rows = await JournalQueries.InstancesAsync(Host.Database, "delay-only", Token);
        Assert.All(rows, r => Assert.Equal(("Finished", 1, 0), (r.SubStatus, r.ResumedOf(WorkflowModels.Timer), r.OpenBookmarks)));
        foreach (var state in started)
        {
            var bookmark = state.Bookmarks.Single();
            var resumed = (await JournalQueries.JournalAsync(Host.Database, state.Id, Token)).Single(j => j.ActivityId == WorkflowModels.Timer && j.EventName == "Resumed");
            var lateness = resumed.Timestamp - bookmark.ResumeAt!.Value;
            output.WriteLine($"{state.Id}: due {bookmark.ResumeAt:HH:mm:ss.fff}, resumed {resumed.Timestamp:HH:mm:ss.fff}, late by {lateness.TotalMilliseconds:0} ms");
            if (lateness < TimeSpan.Zero || lateness > Tolerance)
            {
                throw new XunitException($"Timer of {state.Id} resumed {lateness.TotalMilliseconds:0} ms after its due time (allowed 0 to {Tolerance.TotalMilliseconds:0}).");
            }

            var jobs = await Host.Database.ScalarAsync(
                "SELECT count(*) FROM hangfire.job WHERE statename = 'Succeeded' AND invocationdata::text LIKE '%ResumeWorkflowJob%' AND arguments::text LIKE @b",
                Token,
                ("b", $"%{bookmark.Id}%"));
            Assert.True(jobs >= 1, $"No succeeded Hangfire ResumeWorkflowJob for bookmark {bookmark.Id}: something other than Hangfire fired it.");
        }
    }
}
