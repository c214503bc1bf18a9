using System.Text.Json.Nodes;
using CareFlow.Workflows.Runtime;

namespace CareFlow.Workflows.Activities.Builtins;

/// <summary>Publishes an event after this burst commits.</summary>
[Activity("Elsa", Category = "Primitives", DisplayName = "Publish Event", Description = "Publishes an event.")]
public sealed class PublishEvent : Activity
{
    /// <summary>The event name.</summary>
    [Input(Description = "The event name.", Required = true)]
    public string? EventName { get; set; }

    /// <summary>Only bookmarks with this correlation id receive it.</summary>
    [Input(Description = "The correlation id (optional).")]
    public string? CorrelationId { get; set; }

    /// <summary>Deliver only to this instance.</summary>
    [Input(DisplayName = "Local event", Description = "Deliver only to this workflow instance.")]
    public bool IsLocalEvent { get; set; }

    /// <summary>The payload.</summary>
    [Input(Description = "The payload.")]
    public JsonNode? Payload { get; set; }

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (string.IsNullOrEmpty(EventName)) throw new InvalidOperationException("PublishEvent has no event name.");
        context.Publish(new PublishedEvent(EventName, string.IsNullOrWhiteSpace(CorrelationId) ? null : CorrelationId,
            IsLocalEvent ? context.Workflow.Id : null, Payload));
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
