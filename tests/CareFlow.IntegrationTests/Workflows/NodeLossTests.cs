using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using CareFlow.IntegrationTests.Processes;

namespace CareFlow.IntegrationTests.Workflows;

/// <summary>
/// No instance stuck, with two nodes on one database: two nodes share the timers; one is
/// SIGKILLed while it is firing them and never comes back. The survivor must finish every instance within the
/// 3-minute recovery bound, including the timers whose Hangfire jobs the dead node had fetched but not completed.
/// Nothing restarts, so the start-up re-arming does not help here.
/// </summary>
[Collection(RecoveryTestsSerial.Name)]
public sealed class NodeLossTests(ITestOutputHelper output)
{
    private const int Instances = 100;
    private const string DefinitionId = "node-loss";
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromMinutes(3);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Survivor_FinishesEveryTimer_WhenTheOtherNodeIsKilledWhileFiringTimersAndNeverReturns()
    {
        var folder = RepositoryLayout.ArtifactsFolder("node-loss");
        var db = await TestDatabase.CreateKeptAsync("node_loss", Token);
        await EngineServices.PrepareAsync(db.ConnectionString, [WorkflowModels.DelayOnly(DefinitionId)], Token);
        var apiKey = NodeSettings.NewApiKey();
        await using var nodeA = new CareFlowProcess("node-a", NodeSettings.For(db, apiKey, folder, "a"), folder);
        await using var nodeB = new CareFlowProcess("node-b", NodeSettings.For(db, apiKey, folder, "b"), folder);
        await Task.WhenAll(nodeA.StartAsync(Token), nodeB.StartAsync(Token));
        using var apiA = new ElsaApiClient(nodeA.BaseAddress, apiKey);
        var clock = Stopwatch.StartNew();

        // Every timer falls due within a second or two, so both nodes' workers are busy firing them at the kill.
        await Parallel.ForEachAsync(Enumerable.Range(0, Instances), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Token }, async (i, ct) =>
        {
            using var response = await apiA.ExecuteAsync(DefinitionId, new JsonObject { ["input"] = new JsonObject { ["delay"] = "00:00:06" } }, ct);
            response.EnsureSuccessStatusCode();
        });
        await Poll.UntilAsync(
            async () =>
            {
                var finished = await JournalQueries.FinishedCountAsync(db, DefinitionId, Token);
                return (finished >= 5, $"{finished} finished");
            },
            TimeSpan.FromSeconds(60),
            "the timers started firing",
            Token,
            TimeSpan.FromMilliseconds(20));
        var inFlight = await db.ScalarAsync(
            "SELECT count(*) FROM hangfire.job WHERE statename = 'Processing' AND invocationdata::text LIKE '%ResumeWorkflowJob%'", Token);
        var finishedAtKill = await JournalQueries.FinishedCountAsync(db, DefinitionId, Token);
        await nodeA.KillAsync();
        var killedAt = clock.Elapsed;

        TimeoutException? stuckError = null;
        try
        {
            await Poll.UntilAsync(
                async () =>
                {
                    var unfinished = await JournalQueries.UnfinishedCountAsync(db, DefinitionId, Token);
                    return (unfinished == 0, $"{unfinished} instances not finished");
                },
                RecoveryBound,
                "node B finished every instance after node A died",
                Token,
                TimeSpan.FromMilliseconds(500));
        }
        catch (TimeoutException ex)
        {
            stuckError = ex;
        }

        var rows = await JournalQueries.InstancesAsync(db, DefinitionId, Token);
        var stuck = rows.Count(r => r.Status != "Finished");
        var duplicated = rows.Count(r => r.ResumedOf(WorkflowModels.Timer) > 1);
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"node-loss: instances {Instances}; node A killed at {killedAt.TotalSeconds:0.0} s with {finishedAtKill} finished and {inFlight} timer jobs processing; "
            + $"survivor done {(clock.Elapsed - killedAt).TotalSeconds:0.0} s later | lost {rows.Count(r => r.Status == "Finished" && r.ResumedOf(WorkflowModels.Timer) == 0)}, duplicated {duplicated}, stuck {stuck}");
        output.WriteLine(summary);
        await File.WriteAllTextAsync(Path.Combine(folder, "summary.txt"), summary + "\n", Token);
        TestContext.Current.SendDiagnosticMessage(summary);
        Assert.True((rows.Count, stuck, duplicated) == (Instances, 0, 0), $"{summary}{Environment.NewLine}{stuckError?.Message}{Environment.NewLine}node B log: {nodeB.LogFile}");
    }
}
