namespace CareFlow.Workflows.Activities.Builtins;

/// <summary>Sets the instance's correlation id.</summary>
[Activity("Elsa", Category = "Primitives", DisplayName = "Correlate", Description = "Sets the correlation id.")]
public sealed class Correlate : Activity
{
    /// <summary>The correlation id.</summary>
    [Input(Description = "The correlation id.")]
    public string? CorrelationId { get; set; }

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.SetCorrelationId(CorrelationId);
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
