namespace CareFlow.Workflows.Activities.Builtins;

/// <summary>Follows <c>True</c> or <c>False</c> depending on a condition.</summary>
[Activity("Elsa", Category = "Branching", DisplayName = "Decision", HasNamedOutcomesOnly = true, Description = "Follows True or False.")]
[FlowPort("True")]
[FlowPort("False")]
public sealed class FlowDecision : Activity
{
    /// <summary>The condition.</summary>
    [Input(UIHint = "singleline", Description = "The condition to evaluate.")]
    public bool Condition { get; set; }

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(ActivityResult.WithOutcomes(Condition ? "True" : "False"));
}
