using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CareFlow.IntegrationTests.Processes;

namespace CareFlow.IntegrationTests.Workflows;

/// <summary>
/// Two CareFlow processes on one database race for the same bookmarks. Every event is triggered on
/// both nodes at once; every timer has a Hangfire job from each node (the second node re-arms all pending timers
/// when it starts), and both nodes' workers fire them. Each bookmark must be resumed exactly once.
/// </summary>
[Collection(ProcessTestsSerial.Name)]
public sealed partial class TwoNodeTests(ITestOutputHelper output)
{
    private const int Instances = 100;
    private const string DefinitionId = "two-nodes";
    private const string EventName = "go";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EachBookmarkIsResumedOnce_WhenTwoNodesRaceForTheSameEventsAndTimers()
    {
        var folder = RepositoryLayout.ArtifactsFolder("two-nodes");
        var db = await TestDatabase.CreateKeptAsync("two_nodes", Token);
        await EngineServices.PrepareAsync(db.ConnectionString, [WorkflowModels.TimerAndEvent(DefinitionId, EventName)], Token);
        var apiKey = NodeSettings.NewApiKey();
        await using var nodeA = new CareFlowProcess("node-a", NodeSettings.For(db, apiKey, folder, "a"), folder);
        await using var nodeB = new CareFlowProcess("node-b", NodeSettings.For(db, apiKey, folder, "b"), folder);
        await nodeA.StartAsync(Token);
        using var apiA = new ElsaApiClient(nodeA.BaseAddress, apiKey);
        using var apiB = new ElsaApiClient(nodeB.BaseAddress, apiKey);
        var history = new History();
        var clock = Stopwatch.StartNew();

        // Instances start on node A, which arms their timers; the delays (18-22 s) leave time for node B to start
        // and re-arm the same timers before any is due (a start takes 5-20 s on a loaded 2-core machine).
        await Parallel.ForEachAsync(Enumerable.Range(0, Instances), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Token }, async (i, ct) =>
        {
            var body = new JsonObject { ["correlationId"] = Key(i), ["input"] = new JsonObject { ["delay"] = $"00:00:{18 + (i % 5)}" } };
            var (type, detail) = await history.InvokeAsync("node-a", "start", Key(i), () => apiA.ExecuteAsync(DefinitionId, body, ct));
            Assert.True(type == OpType.Ok, $"Start {Key(i)}: {type} {detail}");
        });
        var started = clock.Elapsed;
        await nodeB.StartAsync(Token);
        var nodeBReady = clock.Elapsed;
        var rearmed = 0;
        await Poll.UntilAsync(
            async () =>
            {
                var match = RearmedLine().Match(await ReadSharedAsync(nodeB.LogFile!));
                rearmed = match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : -1;
                return (match.Success, "node B has not logged its timer re-arming yet");
            },
            TimeSpan.FromSeconds(30),
            "node B re-armed the pending timers",
            Token);
        var finishedBeforeRace = await JournalQueries.FinishedCountAsync(db, DefinitionId, Token);

        // Each event goes to both nodes at the same moment; each request is retried until acknowledged.
        using var driverDeadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        driverDeadline.CancelAfter(TimeSpan.FromMinutes(2));
        await Parallel.ForEachAsync(Enumerable.Range(0, Instances), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = driverDeadline.Token }, async (i, ct) =>
        {
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var both = new[] { ("node-a", apiA), ("node-b", apiB) }.Select(async node =>
            {
                await gate.Task;
                var body = new JsonObject { ["correlationId"] = Key(i) };
                while ((await history.InvokeAsync(node.Item1, "trigger", Key(i), () => node.Item2.TriggerAsync(EventName, body, ct))).Type != OpType.Ok)
                {
                    await Task.Delay(100, ct);
                }
            }).ToList();
            gate.SetResult();
            await Task.WhenAll(both);
        });
        var eventsDone = clock.Elapsed;

        await Poll.UntilAsync(
            async () =>
            {
                var unfinished = await JournalQueries.UnfinishedCountAsync(db, DefinitionId, Token);
                return (unfinished == 0, $"{unfinished} instances not finished");
            },
            TimeSpan.FromMinutes(2),
            "every instance finished",
            Token,
            TimeSpan.FromMilliseconds(500));
        var finished = clock.Elapsed;

        var rows = await JournalQueries.InstancesAsync(db, DefinitionId, Token);
        var duplicated = rows.Count(r => r.ResumedOf(WorkflowModels.Event) > 1 || r.ResumedOf(WorkflowModels.Timer) > 1);
        var lost = rows.Count(r => r.ResumedOf(WorkflowModels.Event) == 0 || r.ResumedOf(WorkflowModels.Timer) == 0);
        var stuck = rows.Count(r => r.Status != "Finished" || r.OpenBookmarks > 0);
        var timerJobsRun = await TimerJobsAsync(db, "Succeeded");
        var timerServers = await db.ScalarAsync(
            """
            SELECT count(DISTINCT s.data ->> 'ServerId') FROM hangfire.state s JOIN hangfire.job j ON j.id = s.jobid
            WHERE s.name = 'Processing' AND j.invocationdata::text LIKE '%ResumeWorkflowJob%'
            """,
            Token);
        var parked = await JournalQueries.PendingEventCountAsync(db, Token);
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"two-nodes: instances {Instances}; triggers ok {history.Count("trigger", OpType.Ok)} (node-a {history.Ops.Count(o => o is { Function: "trigger", Type: OpType.Ok, Process: "node-a" })}) fail {history.Count("trigger", OpType.Fail)} unknown {history.Count("trigger", OpType.Unknown)}; "
            + $"node B re-armed {rearmed} timers ({finishedBeforeRace} finished before), timer jobs run {timerJobsRun} on {timerServers} servers | lost {lost}, duplicated {duplicated}, stuck {stuck} | parked events {parked} | "
            + $"started {started.TotalSeconds:0.0} s, node B ready {nodeBReady.TotalSeconds:0.0} s, events done {eventsDone.TotalSeconds:0.0} s, all finished {finished.TotalSeconds:0.0} s");
        output.WriteLine(summary);
        await File.WriteAllTextAsync(Path.Combine(folder, "summary.txt"), summary + "\n", Token);
        await history.WriteAsync(Path.Combine(folder, "history.txt"), Token);
        TestContext.Current.SendDiagnosticMessage(summary);

        Assert.True((rows.Count, lost, duplicated, stuck) == (Instances, 0, 0, 0), summary);
        Assert.True(rearmed > 0 && timerJobsRun > Instances && timerServers == 2, $"The timers were not raced (each needs jobs on both nodes): {summary}");
    }

    private static string Key(int i) => $"n-{i}";

    [GeneratedRegex(@"Re-armed (\d+) pending workflow timers")]
    private static partial Regex RearmedLine();

    private static async Task<string> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(Token);
    }

    /// <summary>ResumeWorkflowJob jobs in the given state ("" for all).</summary>
    private static Task<long> TimerJobsAsync(TestDatabase db, string state) => db.ScalarAsync(
        "SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%ResumeWorkflowJob%' AND (@s = '' OR statename = @s)", Token, ("s", state));
}
