using System.Text.Json.Nodes;

namespace CareFlow.Workflows.Runtime;

/// <summary>An event published by a workflow (<c>Elsa.PublishEvent</c>), delivered after the burst commits.</summary>
/// <param name="EventName">The event name.</param>
/// <param name="CorrelationId">Only bookmarks with this correlation id match, when set.</param>
/// <param name="WorkflowInstanceId">Only this instance's bookmarks match, when set (a local event).</param>
/// <param name="Payload">The event payload.</param>
public sealed record PublishedEvent(string EventName, string? CorrelationId, string? WorkflowInstanceId, JsonNode? Payload);
