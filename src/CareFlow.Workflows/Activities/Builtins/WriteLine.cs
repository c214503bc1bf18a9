namespace CareFlow.Workflows.Activities.Builtins;

/// <summary>Writes a line of text to the console.</summary>
[Activity("Elsa", Category = "Console", DisplayName = "Write Line", Description = "Writes a line of text to the console.")]
public sealed class WriteLine : Activity
{
    /// <summary>The text to write.</summary>
    [Input(Description = "The text to write.")]
    public string? Text { get; set; }

    /// <inheritdoc />
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        await context.Output.WriteLineAsync(Text);
        return ActivityResult.Done;
    }
}
