using System.Text.Json.Nodes;
using CareFlow.Workflows.Definitions;
using CareFlow.Workflows.Runtime;

namespace CareFlow.Workflows.Tests.Runtime;

/// <summary>Every burst runs within a budget of activity executions, wall time and state size.</summary>
public sealed class RunBudgetTests
{
    private static WorkflowDefinition Def(JsonObject json) => WorkflowDefinitionParser.FromJson(json);

    private static WorkflowDefinition EndlessLoop() => Def(Defs.Workflow(
        [Defs.Activity("start", "Elsa.Start"), Defs.WriteLine("a", "tick"), Defs.WriteLine("b", "tock")],
        [Defs.Connect("start", "a"), Defs.Connect("a", "b"), Defs.Connect("b", "a")]));

    [Fact(Timeout = 60_000)]
    public async Task EndlessLoop_FaultsAtTheActivityBudget_WithAnIncidentNamingIt()
    {
        using var h = new WorkflowHarness();

        var state = await h.StartAsync(EndlessLoop());

        Assert.Equal(WorkflowSubStatus.Faulted, state.SubStatus);
        var incident = Assert.Single(state.Incidents);
        Assert.Equal("Activity execution budget of 10000 per burst exceeded.", incident.Message);
        Assert.Equal(10_000, h.Journal.Count(j => j.EventName == "Started" && j.ActivityId is "start" or "a" or "b"));
        Assert.Empty(state.Bookmarks);
    }

    [Fact(Timeout = 60_000)]
    public async Task EndlessLoop_FaultsAtTheWallTimeBudget_WhenTheClockRunsPastIt()
    {
        using var h = new WorkflowHarness();
        // Every reading of the clock moves it on a second, so thirty-odd activities take the burst past 30 s.
        h.Clock.AutoAdvanceAmount = TimeSpan.FromSeconds(1);

        var state = await h.StartAsync(EndlessLoop());

        Assert.Equal(WorkflowSubStatus.Faulted, state.SubStatus);
        Assert.Equal("Wall-time budget of 30 s per burst exceeded.", Assert.Single(state.Incidents).Message);
        Assert.True(h.Journal.Count(j => j.EventName == "Started") < 100);
    }

    [Fact(Timeout = 60_000)]
    public async Task GrowingVariables_FaultAtTheStateSizeBudget_AndTheOversizedValueIsNotKept()
    {
        using var h = new WorkflowHarness();
        var def = Def(Defs.Workflow(
            [
                Defs.Activity("first", "Elsa.SetVariable", ("variable", new JsonObject { ["id"] = "v1" }), ("value", Defs.Script("'x'.repeat(600000)", "String"))),
                Defs.Activity("second", "Elsa.SetVariable", ("variable", new JsonObject { ["id"] = "v2" }), ("value", Defs.Script("'y'.repeat(600000)", "String"))),
                Defs.WriteLine("after", "after"),
            ],
            [Defs.Connect("first", "second"), Defs.Connect("second", "after")],
            [Defs.Variable("v1", "First", "String", null), Defs.Variable("v2", "Second", "String", null)]));

        var state = await h.StartAsync(def);

        Assert.Equal(WorkflowSubStatus.Faulted, state.SubStatus);
        var incident = Assert.Single(state.Incidents);
        Assert.Equal("second", incident.ActivityId);
        Assert.StartsWith("State size budget of 1048576 bytes exceeded", incident.Message, StringComparison.Ordinal);
        Assert.Null(state.Variables["v2"]);
        Assert.Empty(h.Lines);
    }

    [Fact(Timeout = 60_000)]
    public async Task OversizedInput_FaultsAtTheStateSizeBudget_AndIsDroppedFromTheState()
    {
        using var h = new WorkflowHarness();
        var def = Def(Defs.Workflow([Defs.WriteLine("say", "hello")], []));

        var state = await h.StartAsync(def, new StartWorkflowRequest { Input = new JsonObject { ["blob"] = new string('z', 1_200_000) } });

        Assert.Equal(WorkflowSubStatus.Faulted, state.SubStatus);
        Assert.StartsWith("State size budget of 1048576 bytes exceeded: the state came to", Assert.Single(state.Incidents).Message, StringComparison.Ordinal);
        Assert.False(state.Input.ContainsKey("blob"));
        Assert.True(StateSizeGuard.Measure(state) < 64 * 1024);
    }

    [Fact(Timeout = 60_000)]
    public async Task Budget_IsPerBurst_SoARetryRunsAnotherBurst()
    {
        using var h = new WorkflowHarness(budget: new WorkflowBudget { MaxActivityExecutions = 50 });
        var def = EndlessLoop();

        var state = await h.StartAsync(def);
        Assert.Equal("Activity execution budget of 50 per burst exceeded.", Assert.Single(state.Incidents).Message);

        var retried = await h.Runner.RetryAsync(def, state, TestContext.Current.CancellationToken);

        Assert.Equal(WorkflowSubStatus.Faulted, retried.State.SubStatus);
        Assert.Equal(50, retried.Journal.Count(j => j.EventName == "Started"));
    }

    [Fact(Timeout = 60_000)]
    public async Task CancelledToken_StopsTheBurstBetweenActivities()
    {
        using var h = new WorkflowHarness(budget: new WorkflowBudget { MaxActivityExecutions = int.MaxValue, MaxBurstDuration = TimeSpan.FromDays(1) });
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Runner.StartAsync(EndlessLoop(), new StartWorkflowRequest(), cancellation.Token));
    }
}
