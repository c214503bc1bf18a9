using System.Text.Json.Nodes;
using CareFlow.Workflows.Runtime;

namespace CareFlow.Workflows.Activities.Builtins;

/// <summary>Waits for an event with exactly this name; its payload becomes <see cref="Result"/>.</summary>
[Activity("Elsa", Waits = true, Category = "Primitives", DisplayName = "Event", Kind = ActivityKind.Trigger, Description = "Waits for a named event.")]
public sealed class Event : Activity
{
    /// <summary>The key under which an event's payload arrives in the workflow input.</summary>
    public const string PayloadInputKey = "__EventPayloadWorkflowInput";

    /// <summary>The event name (exact, case-sensitive).</summary>
    [Input(Description = "The name of the event to wait for.", Required = true, AllowScript = false)]
    public string? EventName { get; set; }

    /// <summary>The event payload.</summary>
    [Output(Description = "The event payload.")]
    public JsonNode? Result { get; set; }

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (string.IsNullOrEmpty(EventName)) throw new InvalidOperationException("Event has no event name.");
        if (context.IsTrigger)
        {
            Result = context.Workflow.Input[PayloadInputKey]?.DeepClone() ?? new JsonObject();
            return ValueTask.FromResult(ActivityResult.Done);
        }

        context.CreateBookmark("Elsa.Event", EventName, new JsonObject { ["eventName"] = EventName });
        return ValueTask.FromResult(ActivityResult.Suspend);
    }

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Bookmark bookmark, JsonObject? input)
    {
        Result = input?[PayloadInputKey]?.DeepClone() ?? input?.DeepClone() ?? new JsonObject();
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
