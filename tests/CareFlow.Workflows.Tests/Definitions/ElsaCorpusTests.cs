using CareFlow.Workflows.Definitions;
using CareFlow.Workflows.Runtime;

namespace CareFlow.Workflows.Tests.Definitions;

/// <summary>Every file of the Elsa 3 corpus runs to the output and end state its MANIFEST gives for counter mode.</summary>
public sealed class ElsaCorpusTests
{
    public static TheoryData<string, string[], WorkflowSubStatus> Expectations => new()
    {
        { "hello-world.json", ["Hello World!"], WorkflowSubStatus.Finished },
        { "writeline.json", ["Dummy Text"], WorkflowSubStatus.Finished },
        { "workflow1.json", ["WriteLine1", "WriteLine2", "WriteLine3"], WorkflowSubStatus.Finished },
        { "workflow3.json", ["WriteLine1", "WriteLine2", "WriteLine3", "WriteLine4", "WriteLine5", "WriteLine6", "WriteLine7", "WriteLine8", "WriteLine9"], WorkflowSubStatus.Finished },
        { "workflow4.json", ["WriteLine1", "WriteLine2", "WriteLine3", "WriteLine4", "WriteLine6", "WriteLine7"], WorkflowSubStatus.Finished },
        { "implicit-loop.json", ["Do something", "Retry", "Do something", "Done"], WorkflowSubStatus.Finished },
        { "fork.json", ["One", "Two", "Three"], WorkflowSubStatus.Finished },
        { "join-all-1.json", ["Start", "Line 1", "Line 2", "End"], WorkflowSubStatus.Finished },
        { "join-any-1.json", ["Start", "End"], WorkflowSubStatus.Finished },
        { "join.json", ["", ""], WorkflowSubStatus.Finished },
        { "decision-merge-join-none.json", [], WorkflowSubStatus.Finished },
        { "fork-decision-join-none.json", ["A", "C"], WorkflowSubStatus.Finished },
        { "fork-decision-join-converge.json", ["A", "C"], WorkflowSubStatus.Finished },
        { "timer-workflow.json", ["Hello from timer"], WorkflowSubStatus.Finished },
        { "CacheInvalidation_Child.json", [], WorkflowSubStatus.Finished },
        { "instance-serialization.json", [], WorkflowSubStatus.Finished },
        { "input-output-logging-1.json", ["This input should be stored", "This input should not be stored", "This input should be stored", "This input should not be stored"], WorkflowSubStatus.Finished },
    };

    [Theory]
    [MemberData(nameof(Expectations))]
    public async Task Run_WritesManifestOutputAndEndsAsManifestSays_ForEachCorpusFile(string file, string[] expectedLines, WorkflowSubStatus expectedEnd)
    {
        using var harness = new WorkflowHarness();
        var definition = WorkflowHarness.Load(Path.Combine(AppContext.BaseDirectory, "ElsaCorpus", file));
        Assert.Empty(new WorkflowDefinitionValidator(harness.Catalogue).Validate(definition));

        var state = await harness.StartAsync(definition);
        state = await harness.RunTimersAsync(definition, state);

        Assert.Equal(expectedLines, harness.Lines);
        Assert.Equal(expectedEnd, state.SubStatus);
        Assert.Empty(state.Bookmarks);
        Assert.Empty(state.Incidents);
    }
}
