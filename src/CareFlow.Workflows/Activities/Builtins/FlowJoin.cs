namespace CareFlow.Workflows.Activities.Builtins;

/// <summary>Merges branches; when it runs is decided by the flowchart from its mode.</summary>
[Activity("Elsa", Category = "Branching", DisplayName = "Join", Description = "Merges branches.")]
public sealed class FlowJoin : Activity
{
    /// <summary>WaitAny, WaitAll or WaitAllActive.</summary>
    [Input(Description = "How the join waits for its inbound branches.", DefaultValue = "WaitAny")]
    public FlowJoinMode Mode { get; set; } = FlowJoinMode.WaitAny;

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Done);
}
