using System.Text.Json.Nodes;

namespace CareFlow.Workflows.Runtime;

/// <summary>One workflow execution log record (Started, Completed, Suspended, Resumed, Faulted, …).</summary>
public sealed record JournalEntry
{
    /// <summary>Unique id.</summary>
    public required string Id { get; init; }

    /// <summary>The instance.</summary>
    public required string WorkflowInstanceId { get; init; }

    /// <summary>The activity execution's id.</summary>
    public string? ActivityInstanceId { get; init; }

    /// <summary>The activity id.</summary>
    public required string ActivityId { get; init; }

    /// <summary>The activity type name.</summary>
    public required string ActivityType { get; init; }

    /// <summary>The activity type version.</summary>
    public int ActivityTypeVersion { get; init; } = 1;

    /// <summary>The activity's designer name.</summary>
    public string? ActivityName { get; init; }

    /// <summary>The activity node id.</summary>
    public required string NodeId { get; init; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>Order within the instance, from 0.</summary>
    public long Sequence { get; init; }

    /// <summary>Started, Completed, Suspended, Resumed, Faulted, Canceled, …</summary>
    public required string EventName { get; init; }

    /// <summary>Extra text, e.g. the fault message.</summary>
    public string? Message { get; init; }

    /// <summary>Extra data, e.g. outcomes or exception details.</summary>
    public JsonObject? Payload { get; init; }
}
