using System.Globalization;
using System.Text.Json.Nodes;

namespace CareFlow.Workflows.Activities.Builtins;

/// <summary>Waits until a moment (completes at once when it is past, or when it is the trigger).</summary>
[Activity("Elsa", Waits = true, Category = "Scheduling", DisplayName = "Start At", Kind = ActivityKind.Trigger, Description = "Waits until a date and time.")]
public sealed class StartAt : Activity
{
    /// <summary>The moment, ISO-8601.</summary>
    [Input(UIHint = "datetime-picker", Description = "When to continue (ISO-8601).", Required = true)]
    public DateTimeOffset DateTime { get; set; }

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (context.IsTrigger || DateTime <= context.Now) return ValueTask.FromResult(ActivityResult.Done);
        context.CreateBookmark("Elsa.StartAt", context.ActivityInstanceId,
            new JsonObject { ["executeAt"] = DateTime.ToString("O", CultureInfo.InvariantCulture) }, DateTime, autoComplete: true);
        return ValueTask.FromResult(ActivityResult.Suspend);
    }
}
