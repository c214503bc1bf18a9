using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using CareFlow.IntegrationTests.Processes;

namespace CareFlow.IntegrationTests.Workflows;

/// <summary>
/// 200 instances, each waiting on a timer and on a correlated event in parallel branches joined
/// with WaitAll. The events are sent over HTTP while the host is SIGKILLed mid-way and restarted; the driver retries
/// what failed and logs every request as invoke / ok / fail / unknown. After recovery every instance must be Finished
/// with its Delay and its Event each resumed exactly once.
/// </summary>
[Collection(ProcessTestsSerial.Name)]
public sealed class KillRestartTests(ITestOutputHelper output)
{
    private const int Instances = 200;
    private const string DefinitionId = "timer-and-event";
    private const string EventName = "go";
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromMinutes(3);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Instances_FinishWithEachBookmarkResumedOnce_WhenTheHostIsKilledAndRestartedMidway()
    {
        var folder = RepositoryLayout.ArtifactsFolder("kill-restart");
        var db = await TestDatabase.CreateKeptAsync("kill_restart", Token);
        await EngineServices.PrepareAsync(db.ConnectionString, [WorkflowModels.TimerAndEvent(DefinitionId, EventName)], Token);
        var apiKey = NodeSettings.NewApiKey();
        await using var node = new CareFlowProcess("node", NodeSettings.For(db, apiKey, folder, "node"), folder);
        await node.StartAsync(Token);
        using var api = new ElsaApiClient(node.BaseAddress, apiKey);
        var history = new History();
        var clock = Stopwatch.StartNew();

        // 1. Start the instances (no fault yet: every start must be acknowledged). Delays of 3 to 8 s.
        var instanceIds = new string?[Instances];
        await Parallel.ForEachAsync(Enumerable.Range(0, Instances), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Token }, async (i, ct) =>
        {
            var body = new JsonObject { ["correlationId"] = Key(i), ["input"] = new JsonObject { ["delay"] = $"00:00:0{3 + (i % 6)}" } };
            var (type, id) = await history.InvokeAsync("node", "start", Key(i), () => api.ExecuteAsync(DefinitionId, body, ct), InstanceIdOf);
            instanceIds[i] = type == OpType.Ok ? id : throw new InvalidOperationException($"Start {Key(i)} was not acknowledged ({type}: {id}).");
        });
        var started = clock.Elapsed;

        // 2. Trigger every event, retrying until acknowledged; the nemesis kills the host half-way and restarts it.
        var acknowledged = 0;
        var order = Enumerable.Range(0, Instances).OrderBy(i => (i * 7919) % Instances).ToList();
        using var driverDeadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        driverDeadline.CancelAfter(TimeSpan.FromMinutes(3)); // never left retrying against a node that did not come back
        var driver = Parallel.ForEachAsync(order, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = driverDeadline.Token }, async (i, ct) =>
        {
            var body = new JsonObject { ["correlationId"] = Key(i) };
            while ((await history.InvokeAsync("node", "trigger", Key(i), () => api.TriggerAsync(EventName, body, ct))).Type != OpType.Ok)
            {
                await Task.Delay(100, ct);
            }

            Interlocked.Increment(ref acknowledged);
        });
        long finishedAtKill;
        TimeSpan killedAt, restartedAt;
        try
        {
            await Poll.UntilAsync(() => Task.FromResult((Volatile.Read(ref acknowledged) >= Instances / 2, $"{acknowledged} events acknowledged")), TimeSpan.FromSeconds(60), "half the events acknowledged", Token, TimeSpan.FromMilliseconds(5));
            history.Nemesis("node", $"kill -9 pid {node.ProcessId}");
            finishedAtKill = await JournalQueries.FinishedCountAsync(db, DefinitionId, Token);
            await node.KillAsync();
            killedAt = clock.Elapsed;
            await node.StartAsync(Token);
            history.Nemesis("node", $"restarted, pid {node.ProcessId}");
            restartedAt = clock.Elapsed;
        }
        catch
        {
            await driverDeadline.CancelAsync();
            throw;
        }

        await driver;
        var eventsDone = clock.Elapsed;

        // 3. Heal: within the bound, every instance finishes.
        var stuckError = default(TimeoutException);
        try
        {
            await Poll.UntilAsync(
                async () =>
                {
                    var unfinished = await JournalQueries.UnfinishedCountAsync(db, DefinitionId, Token);
                    return (unfinished == 0, $"{unfinished} instances not finished");
                },
                RecoveryBound,
                "every instance finished after the restart",
                Token,
                TimeSpan.FromMilliseconds(500));
        }
        catch (TimeoutException ex)
        {
            stuckError = ex;
        }

        var healed = clock.Elapsed;

        // 4. Check the history against the database.
        var rows = await JournalQueries.InstancesAsync(db, DefinitionId, Token);
        var acknowledgedIds = instanceIds.OfType<string>().ToHashSet();
        var ackedEvents = history.Ops.Where(o => o is { Function: "trigger", Type: OpType.Ok }).Select(o => o.Key).ToHashSet();
        var lost = rows.Count(r => (ackedEvents.Contains(r.CorrelationId!) && r.ResumedOf(WorkflowModels.Event) == 0) || r.ResumedOf(WorkflowModels.Timer) == 0)
                   + acknowledgedIds.Count(id => rows.All(r => r.Id != id));
        var duplicated = rows.Count(r => r.ResumedOf(WorkflowModels.Event) > 1 || r.ResumedOf(WorkflowModels.Timer) > 1);
        var stuck = rows.Count(r => r.Status != "Finished" || r.OpenBookmarks > 0);
        var unexpected = rows.Count(r => !acknowledgedIds.Contains(r.Id) || (r.ResumedOf(WorkflowModels.Event) > 0 && !ackedEvents.Contains(r.CorrelationId!)));
        var parked = await JournalQueries.PendingEventCountAsync(db, Token);
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"kill-restart: instances {Instances}, starts ok {history.Count("start", OpType.Ok)}; triggers ok {history.Count("trigger", OpType.Ok)} fail {history.Count("trigger", OpType.Fail)} unknown {history.Count("trigger", OpType.Unknown)}; "
            + $"killed at {killedAt.TotalSeconds:0.0} s ({finishedAtKill} finished), ready again after {(restartedAt - killedAt).TotalSeconds:0.0} s, all finished {(healed - restartedAt).TotalSeconds:0.0} s after restart | "
            + $"lost {lost}, duplicated {duplicated}, stuck {stuck}, unexpected {unexpected} | parked events {parked} | started in {started.TotalSeconds:0.0} s, events done at {eventsDone.TotalSeconds:0.0} s");
        output.WriteLine(summary);
        await File.WriteAllTextAsync(Path.Combine(folder, "summary.txt"), summary + "\n", Token);
        await history.WriteAsync(Path.Combine(folder, "history.txt"), Token);
        TestContext.Current.SendDiagnosticMessage(summary);

        Assert.True(
            (rows.Count, lost, duplicated, stuck, unexpected) == (Instances, 0, 0, 0, 0),
            $"{summary}{Environment.NewLine}{stuckError?.Message}{Environment.NewLine}History: {folder}/history.txt; node logs: {node.LogFile}");
    }

    private static string Key(int i) => $"c-{i}";

    private static string? InstanceIdOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-elsa-workflow-instance-id", out var values) ? values.FirstOrDefault() : null;
}
