namespace CareFlow.Workflows.Activities.Builtins;

/// <summary>The flowchart container; the runner interprets it, so it never executes as a child.</summary>
[Activity("Elsa", Category = "Flow", DisplayName = "Flowchart", IsBrowsable = false, Description = "A flowchart of activities and connections.")]
public sealed class Flowchart : Activity
{
    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        throw new NotSupportedException("Nested flowcharts are not supported yet; use one flowchart per workflow.");
}
