using System.Globalization;
using System.Text.Json.Nodes;

namespace CareFlow.Workflows.Activities.Builtins;

/// <summary>Waits for an interval (completes at once when it is the trigger).</summary>
[Activity("Elsa", Waits = true, Category = "Scheduling", DisplayName = "Timer", Kind = ActivityKind.Trigger, Description = "Waits for an interval.")]
public sealed class Timer : Activity
{
    /// <summary>The interval.</summary>
    [Input(Description = "The interval, e.g. 00:01:00.", DefaultValue = "00:01:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (context.IsTrigger) return ValueTask.FromResult(ActivityResult.Done);
        var resumeAt = context.Now + Interval;
        context.CreateBookmark("Elsa.Timer", context.ActivityInstanceId,
            new JsonObject { ["resumeAt"] = resumeAt.ToString("O", CultureInfo.InvariantCulture) }, resumeAt);
        return ValueTask.FromResult(ActivityResult.Suspend);
    }
}
