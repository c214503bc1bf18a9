using System.Text.Json.Nodes;
using CareFlow.Workflows.Activities;
using CareFlow.Workflows.Definitions;

namespace CareFlow.Workflows.Tests.Definitions;

/// <summary>Saving refuses a loop that never waits and has no decision that can leave it.</summary>
public sealed class LoopValidationTests
{
    private static readonly WorkflowDefinitionValidator Validator = new(new ActivityCatalogue());

    private static IReadOnlyList<DefinitionError> Errors(JsonObject json) => Validator.Validate(WorkflowDefinitionParser.Parse(json.ToJsonString()));

    private static JsonObject Decision(string id, string condition = "true") =>
        Defs.Activity(id, "Elsa.FlowDecision", ("condition", Defs.Script(condition, "Boolean")));

    [Fact]
    public void TwoActivityLoop_IsRefused_WithThePathOfItsFirstConnection()
    {
        var json = Defs.Workflow(
            [Defs.Activity("start", "Elsa.Start"), Defs.WriteLine("a", "a"), Defs.WriteLine("b", "b")],
            [Defs.Connect("start", "a"), Defs.Connect("a", "b"), Defs.Connect("b", "a")]);

        var error = Assert.Single(Errors(json));

        Assert.Equal("$.root.connections[1]", error.Path);
        Assert.Contains("'a', 'b' form a loop that never waits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SelfLoop_IsRefused()
    {
        var json = Defs.Workflow([Defs.WriteLine("a", "a")], [Defs.Connect("a", "a")]);

        Assert.Equal("$.root.connections[0]", Assert.Single(Errors(json)).Path);
    }

    [Fact]
    public void LoopThroughAFork_IsRefused_BecauseAForkFollowsEveryBranch()
    {
        var fork = Defs.Activity("fork", "Elsa.FlowFork", ("branches", new JsonObject { ["typeName"] = "String[]", ["expression"] = new JsonObject { ["type"] = "Object", ["value"] = "[\"x\",\"y\"]" } }));
        var json = Defs.Workflow(
            [fork, Defs.WriteLine("x", "x"), Defs.WriteLine("y", "y")],
            [Defs.Connect("fork", "x", "x"), Defs.Connect("fork", "y", "y"), Defs.Connect("x", "fork")]);

        Assert.Equal("$.root.connections[0]", Assert.Single(Errors(json)).Path);
    }

    [Fact]
    public void LoopWhoseDecisionLeadsBackOnBothPorts_IsRefused()
    {
        var json = Defs.Workflow(
            [Decision("d"), Defs.WriteLine("a", "a"), Defs.WriteLine("b", "b")],
            [Defs.Connect("d", "a", "True"), Defs.Connect("d", "b", "False"), Defs.Connect("a", "d"), Defs.Connect("b", "d")]);

        Assert.Single(Errors(json));
    }

    [Fact]
    public void InnerLoopThatAvoidsTheDecision_IsRefused()
    {
        // d can leave the outer loop, but a -> b -> a goes round without passing it.
        var json = Defs.Workflow(
            [Decision("d"), Defs.WriteLine("a", "a"), Defs.WriteLine("b", "b"), Defs.WriteLine("done", "done")],
            [Defs.Connect("d", "a", "True"), Defs.Connect("d", "done", "False"), Defs.Connect("a", "b"), Defs.Connect("b", "a"), Defs.Connect("b", "d")]);

        var error = Assert.Single(Errors(json));
        Assert.Equal("$.root.connections[2]", error.Path);
    }

    [Fact]
    public void LoopThroughADecisionWithAnExit_IsAccepted()
    {
        var json = Defs.Workflow(
            [Defs.WriteLine("a", "a"), Decision("d", "false"), Defs.WriteLine("done", "done")],
            [Defs.Connect("a", "d"), Defs.Connect("d", "a", "True"), Defs.Connect("d", "done", "False")]);

        Assert.Empty(Errors(json));
    }

    [Fact]
    public void LoopThroughADecisionWithAnUnconnectedPort_IsAccepted()
    {
        var json = Defs.Workflow([Defs.WriteLine("a", "a"), Decision("d")], [Defs.Connect("a", "d"), Defs.Connect("d", "a", "True")]);

        Assert.Empty(Errors(json));
    }

    [Theory]
    [InlineData("Elsa.Delay")]
    [InlineData("Elsa.Event")]
    [InlineData("Elsa.Timer")]
    public void LoopThroughAWaitingActivity_IsAccepted(string waitingType)
    {
        var wait = waitingType == "Elsa.Event" ? Defs.Activity("w", waitingType, ("eventName", Defs.Literal("go"))) : Defs.Activity("w", waitingType);
        var json = Defs.Workflow([Defs.WriteLine("a", "a"), wait], [Defs.Connect("a", "w"), Defs.Connect("w", "a")]);

        Assert.Empty(Errors(json));
    }
}
