using System.Text.Json.Nodes;

namespace CareFlow.Workflows.Runtime;

/// <summary>An activity execution that is still open in an instance: waiting on a bookmark, or faulted.</summary>
public sealed record ActivityContextRecord
{
    /// <summary>The activity execution's id (the activity instance id).</summary>
    public required string Id { get; init; }

    /// <summary>The activity id.</summary>
    public required string ActivityId { get; init; }

    /// <summary>The activity node id.</summary>
    public required string ActivityNodeId { get; init; }

    /// <summary>The activity type name.</summary>
    public required string ActivityType { get; init; }

    /// <summary>Running (waiting) or Faulted.</summary>
    public required string Status { get; init; }

    /// <summary>Whether the activity was entered through a backward (loop) connection.</summary>
    public bool ViaBackward { get; init; }

    /// <summary>How many times it faulted.</summary>
    public int FaultCount { get; init; }

    /// <summary>When it started.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>The evaluated inputs, keyed by PascalCase input name.</summary>
    public JsonObject? ActivityState { get; init; }
}
