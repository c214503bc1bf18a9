using System.Diagnostics;
using System.Text.Json.Nodes;
using CareFlow.Workflows.Definitions;
using CareFlow.Workflows.Expressions;
using CareFlow.Workflows.Runtime;

namespace CareFlow.Workflows.Tests.Runtime;

public sealed class WorkflowRunnerTests
{
    private static WorkflowDefinition Def(JsonObject json) => WorkflowDefinitionParser.FromJson(json);

    [Fact]
    public async Task End_CancelsBlockedSiblingAndFinishes_WhenReachedWhileAnotherBranchWaits()
    {
        using var h = new WorkflowHarness();
        var def = Def(Defs.Workflow(
            [Defs.Activity("start", "Elsa.Start"), Defs.Activity("wait", "Elsa.Event", ("eventName", Defs.Literal("never"))), Defs.WriteLine("a", "A"), Defs.Activity("end", "Elsa.End")],
            [Defs.Connect("start", "wait"), Defs.Connect("start", "a"), Defs.Connect("a", "end")]));

        var state = await h.StartAsync(def);

        Assert.Equal(WorkflowSubStatus.Finished, state.SubStatus);
        Assert.Empty(state.Bookmarks);
        Assert.Contains(h.Journal, j => j.ActivityId == "wait" && j.EventName == "Canceled");
    }

    [Fact]
    public async Task Event_ResumesWithPayloadIntoVariable_WhenBookmarkResumed()
    {
        using var h = new WorkflowHarness();
        var wait = Defs.Activity("wait", "Elsa.Event", ("eventName", Defs.Literal("answered")));
        wait["result"] = new JsonObject { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = "v1" } };
        var def = Def(Defs.Workflow(
            [Defs.Activity("start", "Elsa.Start"), wait, Defs.Activity("say", "Elsa.WriteLine", ("text", Defs.Script("getAnswer().status", "String")))],
            [Defs.Connect("start", "wait"), Defs.Connect("wait", "say")],
            [Defs.Variable("v1", "Answer", "Object", null)]));

        var state = await h.StartAsync(def);
        Assert.Equal(WorkflowSubStatus.Suspended, state.SubStatus);
        var bookmark = Assert.Single(state.Bookmarks);
        Assert.Equal(BookmarkHash.ForEvent("answered"), bookmark.Hash);

        state = await h.ResumeAsync(def, state, bookmark.Id, new JsonObject { [CareFlow.Workflows.Activities.Builtins.Event.PayloadInputKey] = new JsonObject { ["status"] = "accepted" } });

        Assert.Equal(["accepted"], h.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, state.SubStatus);
        await Assert.ThrowsAsync<BookmarkNotFoundException>(() => h.ResumeAsync(def, state, bookmark.Id));
    }

    [Fact]
    public async Task FlowSwitch_FollowsFirstMatchingCase_AndDefaultWhenNoneMatch()
    {
        using var h = new WorkflowHarness();
        var cases = new JsonArray(
            new JsonObject { ["label"] = "Low", ["condition"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "getInput('score') < 5" } },
            new JsonObject { ["label"] = "High", ["condition"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "getInput('score') >= 5" } });
        var def = Def(Defs.Workflow(
            [Defs.Activity("sw", "Elsa.FlowSwitch", ("cases", cases)), Defs.WriteLine("low", "low"), Defs.WriteLine("high", "high"), Defs.WriteLine("none", "none")],
            [Defs.Connect("sw", "low", "Low"), Defs.Connect("sw", "high", "High"), Defs.Connect("sw", "none", "Default")]));

        await h.StartAsync(def, new StartWorkflowRequest { Input = new JsonObject { ["score"] = 7 } });
        await h.StartAsync(def, new StartWorkflowRequest { Input = new JsonObject { ["score"] = 1 } });
        await h.StartAsync(def, new StartWorkflowRequest { Input = new JsonObject { ["score"] = "n/a" } });

        Assert.Equal(["high", "low", "none"], h.Lines);
    }

    [Fact]
    public async Task Delay_SuspendsUntilDue_ThenContinues()
    {
        using var h = new WorkflowHarness();
        var def = Def(Defs.Workflow(
            [Defs.Activity("d", "Elsa.Delay", ("timeSpan", Defs.Literal("2.00:00:00", "TimeSpan"))), Defs.WriteLine("after", "after")],
            [Defs.Connect("d", "after")]));

        var state = await h.StartAsync(def);
        var bookmark = Assert.Single(state.Bookmarks);
        Assert.Equal(h.Clock.GetUtcNow().AddDays(2), bookmark.ResumeAt);
        Assert.Empty(h.Lines);

        state = await h.RunTimersAsync(def, state);
        Assert.Equal(["after"], h.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, state.SubStatus);
    }

    [Fact]
    public async Task StartAt_CompletesAtOnce_WhenTimeIsPast()
    {
        using var h = new WorkflowHarness();
        var def = Def(Defs.Workflow([Defs.Activity("s", "Elsa.StartAt", ("dateTime", Defs.Literal("2020-01-01T00:00:00Z", "DateTimeOffset"))), Defs.WriteLine("w", "go")], [Defs.Connect("s", "w")]));
        var state = await h.StartAsync(def);
        Assert.Equal(WorkflowSubStatus.Finished, state.SubStatus);
        Assert.Equal(["go"], h.Lines);
    }

    [Fact]
    public async Task Finish_ClearsEveryBookmark_FromAnyBranch()
    {
        using var h = new WorkflowHarness();
        var def = Def(Defs.Workflow(
            [Defs.Activity("start", "Elsa.Start"), Defs.Activity("t", "Elsa.Timer"), Defs.Activity("fin", "Elsa.Finish"), Defs.WriteLine("never", "never")],
            [Defs.Connect("start", "t"), Defs.Connect("start", "fin"), Defs.Connect("t", "never")]));
        var state = await h.StartAsync(def);
        Assert.Equal(WorkflowSubStatus.Finished, state.SubStatus);
        Assert.Empty(state.Bookmarks);
        Assert.Empty(h.Lines);
    }

    [Fact]
    public async Task Correlate_And_PublishEvent_SetCorrelationAndEmitEvent()
    {
        using var h = new WorkflowHarness();
        var def = Def(Defs.Workflow(
            [Defs.Activity("c", "Elsa.Correlate", ("correlationId", Defs.Literal("case-42"))), Defs.Activity("p", "Elsa.PublishEvent", ("eventName", Defs.Literal("ping")), ("isLocalEvent", Defs.Literal(true, "Boolean")))],
            [Defs.Connect("c", "p")]));
        var result = await h.Runner.StartAsync(def, new StartWorkflowRequest(), TestContext.Current.CancellationToken);
        Assert.Equal("case-42", result.State.CorrelationId);
        var published = Assert.Single(result.Events);
        Assert.Equal(("ping", result.State.Id), (published.EventName, published.WorkflowInstanceId));
    }

    [Fact]
    public async Task Fault_RecordsIncident_AndRetryResumesFromFaultedActivity()
    {
        using var h = new WorkflowHarness();
        var def = Def(Defs.Workflow(
            [Defs.Activity("set", "Elsa.SetVariable", ("variable", new JsonObject { ["id"] = "missing" }), ("value", Defs.Literal("x"))), Defs.WriteLine("after", "after")],
            [Defs.Connect("set", "after")]));
        var state = await h.StartAsync(def);
        Assert.Equal((WorkflowStatus.Finished, WorkflowSubStatus.Faulted), (state.Status, state.SubStatus));
        var incident = Assert.Single(state.Incidents);
        Assert.Equal("set", incident.ActivityId);

        var retried = await h.Runner.RetryAsync(def, state, TestContext.Current.CancellationToken);
        Assert.Equal(WorkflowSubStatus.Faulted, retried.State.SubStatus);
        Assert.Equal(2, h.Journal.Concat(retried.Journal).Count(j => j.ActivityId == "set" && j.EventName == "Started"));
    }

    [Fact]
    public async Task RunawayScript_FaultsItsInstanceWithinSeconds()
    {
        using var h = new WorkflowHarness(new ScriptLimits { Timeout = TimeSpan.FromMilliseconds(500) });
        var def = Def(Defs.Workflow([Defs.Activity("loop", "Elsa.WriteLine", ("text", Defs.Script("while(true){}", "String")))], []));
        var watch = Stopwatch.StartNew();
        var state = await h.StartAsync(def);
        // The sandbox stops the script after 0.5 s of wall time; the bound is loose because CI machines may be heavily loaded.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");
        Assert.Equal(WorkflowSubStatus.Faulted, state.SubStatus);
        Assert.Contains("limit and was stopped", Assert.Single(state.Incidents).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("typeof System === 'undefined' && typeof importNamespace === 'undefined' && typeof require === 'undefined'")]
    public async Task Script_HasNoHostAccess(string probe)
    {
        using var h = new WorkflowHarness();
        var def = Def(Defs.Workflow([Defs.Activity("w", "Elsa.WriteLine", ("text", Defs.Script(probe, "String")))], []));
        await h.StartAsync(def);
        Assert.Equal(["true"], h.Lines);
    }

    [Fact]
    public async Task Cancel_RemovesBookmarks_AndMarksCancelled()
    {
        using var h = new WorkflowHarness();
        var def = Def(Defs.Workflow([Defs.Activity("t", "Elsa.Timer")], []));
        var state = await h.StartAsync(def);
        var result = h.Runner.Cancel(def, state);
        Assert.Equal(WorkflowSubStatus.Cancelled, result.State.SubStatus);
        Assert.Single(result.RemovedBookmarks);
        Assert.Empty(result.State.Bookmarks);
    }

    [Fact]
    public async Task WaitAll_Join_SkipsWhenOneBranchIsNotTaken()
    {
        using var h = new WorkflowHarness();
        var def = Def(Defs.Workflow(
            [Defs.Activity("start", "Elsa.Start"), Defs.Activity("d", "Elsa.FlowDecision", ("condition", Defs.Literal(false, "Boolean"))),
             Defs.WriteLine("a", "A"), Defs.WriteLine("b", "B"),
             Defs.Activity("j", "Elsa.FlowJoin", ("mode", Defs.Literal("WaitAll", "FlowJoinMode"))), Defs.WriteLine("after", "joined")],
            [Defs.Connect("start", "a"), Defs.Connect("start", "d"), Defs.Connect("d", "b", "True"), Defs.Connect("a", "j"), Defs.Connect("b", "j"), Defs.Connect("j", "after")]));
        var state = await h.StartAsync(def);
        Assert.Equal(["A"], h.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, state.SubStatus);
    }

    [Fact]
    public async Task WaitAny_Join_CancelsBlockedBranch_AndRunsOnce()
    {
        using var h = new WorkflowHarness();
        var def = Def(Defs.Workflow(
            [Defs.Activity("start", "Elsa.Start"), Defs.Activity("wait", "Elsa.Event", ("eventName", Defs.Literal("slow"))), Defs.WriteLine("fast", "fast"),
             Defs.Activity("j", "Elsa.FlowJoin", ("mode", Defs.Literal("WaitAny", "FlowJoinMode"))), Defs.WriteLine("after", "joined")],
            [Defs.Connect("start", "wait"), Defs.Connect("start", "fast"), Defs.Connect("wait", "j"), Defs.Connect("fast", "j"), Defs.Connect("j", "after")]));
        var state = await h.StartAsync(def);
        Assert.Equal(["fast", "joined"], h.Lines);
        Assert.Empty(state.Bookmarks);
        Assert.Equal(WorkflowSubStatus.Finished, state.SubStatus);
    }
}
