namespace CareFlow.Workflows.Activities.Builtins;

/// <summary>Finishes the whole workflow, clearing every bookmark.</summary>
[Activity("Elsa", Category = "Primitives", DisplayName = "Finish", IsTerminal = true, Description = "Finishes the workflow.")]
public sealed class Finish : Activity
{
    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Done);
}
