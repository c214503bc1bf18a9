namespace CareFlow.Workflows.Runtime;

/// <summary>A fault recorded on an instance: which activity threw, what, and when.</summary>
public sealed record Incident
{
    /// <summary>The activity id.</summary>
    public required string ActivityId { get; init; }

    /// <summary>The activity node id.</summary>
    public required string ActivityNodeId { get; init; }

    /// <summary>The activity type name.</summary>
    public required string ActivityType { get; init; }

    /// <summary>The exception message.</summary>
    public required string Message { get; init; }

    /// <summary>The exception details.</summary>
    public IncidentError? Exception { get; init; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset Timestamp { get; init; }
}
