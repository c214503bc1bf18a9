using System.Globalization;
using System.Text.Json.Nodes;

namespace CareFlow.Workflows.Activities.Builtins;

/// <summary>Waits for a time span.</summary>
[Activity("Elsa", Waits = true, Category = "Scheduling", DisplayName = "Delay", Description = "Waits for a time span.")]
public sealed class Delay : Activity
{
    /// <summary>How long to wait (.NET TimeSpan text, e.g. <c>00:05:00</c> or <c>2.00:00:00</c>).</summary>
    [Input(Description = "How long to wait, e.g. 00:05:00 or 2.00:00:00.", DefaultValue = "00:01:00")]
    public TimeSpan TimeSpan { get; set; } = TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var resumeAt = context.Now + TimeSpan;
        context.CreateBookmark("Elsa.Delay", context.ActivityInstanceId,
            new JsonObject { ["resumeAt"] = resumeAt.ToString("O", CultureInfo.InvariantCulture) }, resumeAt, autoComplete: true);
        return ValueTask.FromResult(ActivityResult.Suspend);
    }
}
