using System.Text.Json.Nodes;

namespace CareFlow.Core.Workflows;

/// <summary>An event to deliver to <c>Elsa.Event</c> bookmarks.</summary>
/// <param name="EventName">The exact event name.</param>
/// <param name="CorrelationId">Only bookmarks with this correlation id, when set.</param>
/// <param name="WorkflowInstanceId">Only this instance's bookmarks, when set.</param>
/// <param name="Input">The payload, delivered as the Event activity's result.</param>
public sealed record EventStimulus(string EventName, string? CorrelationId, string? WorkflowInstanceId, JsonObject? Input);
