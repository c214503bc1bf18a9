using System.Text.Json.Nodes;

namespace CareFlow.Workflows.Runtime;

/// <summary>What a waiting activity waits for. Resumed exactly once, then removed.</summary>
public sealed record Bookmark
{
    /// <summary>Unique id.</summary>
    public required string Id { get; init; }

    /// <summary>The bookmark kind, e.g. <c>Elsa.Delay</c>, <c>Elsa.Event</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Stable hash of the name and stimulus, used to find bookmarks for an incoming event.</summary>
    public required string Hash { get; init; }

    /// <summary>Kind-specific data, e.g. <c>{"eventName":"x"}</c> or <c>{"resumeAt":"…"}</c>.</summary>
    public JsonObject? Payload { get; init; }

    /// <summary>The waiting activity's id.</summary>
    public required string ActivityId { get; init; }

    /// <summary>The waiting activity's node id.</summary>
    public required string ActivityNodeId { get; init; }

    /// <summary>The waiting activity execution's id.</summary>
    public required string ActivityInstanceId { get; init; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>For timers: when to resume.</summary>
    public DateTimeOffset? ResumeAt { get; init; }

    /// <summary>The instance's correlation id when the bookmark was created.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>Removed when resumed (always true in CareFlow).</summary>
    public bool AutoBurn { get; init; } = true;

    /// <summary>Completes the activity without calling it back when true.</summary>
    public bool AutoComplete { get; init; }
}
