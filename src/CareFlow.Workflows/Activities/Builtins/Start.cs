namespace CareFlow.Workflows.Activities.Builtins;

/// <summary>Marks where a flowchart starts.</summary>
[Activity("Elsa", Category = "Flow", DisplayName = "Start", IsStart = true, Description = "The start of the flowchart.")]
public sealed class Start : Activity
{
    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Done);
}
