namespace CareFlow.Workflows.Activities.Builtins;

/// <summary>Writes a line of text to the host's line writer (CareFlow logs it, rate-limited; see <see cref="Runtime.LoggingWorkflowLineWriter"/>).</summary>
[Activity("Elsa", Category = "Console", DisplayName = "Write Line", Description = "Writes a line of text to the console.")]
public sealed class WriteLine : Activity
{
    /// <summary>The text to write.</summary>
    [Input(Description = "The text to write.")]
    public string? Text { get; set; }

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.WriteLine(Text);
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
