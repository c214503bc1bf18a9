namespace CareFlow.Workflows.Activities.Builtins;

/// <summary>Completes the enclosing flowchart at once, cancelling what else is running in it.</summary>
[Activity("Elsa", Category = "Flow", DisplayName = "End", IsTerminal = true, Description = "Completes the flowchart.")]
public sealed class End : Activity
{
    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Done);
}
