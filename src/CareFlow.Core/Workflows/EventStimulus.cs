using System.Text.Json.Nodes;

namespace CareFlow.Core.Workflows;

/// <summary>An event to deliver to <c>Elsa.Event</c> bookmarks.</summary>
/// <param name="EventName">The exact event name.</param>
/// <param name="CorrelationId">Only bookmarks with this correlation id, when set.</param>
/// <param name="WorkflowInstanceId">Only this instance's bookmarks, when set.</param>
/// <param name="Input">The payload, delivered as the Event activity's result.</param>
/// <param name="Source">Who sent it (the audit actor of an API caller); kept with an unmatched event so that each source's share of the queue can be capped. Null for events workflows publish.</param>
public sealed record EventStimulus(string EventName, string? CorrelationId, string? WorkflowInstanceId, JsonObject? Input, string? Source = null);
