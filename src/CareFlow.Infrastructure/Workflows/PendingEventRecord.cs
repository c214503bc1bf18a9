namespace CareFlow.Infrastructure.Workflows;

/// <summary>An event that found no bookmark yet; kept until one appears or it expires.</summary>
public sealed class PendingEventRecord
{
    public required string Id { get; set; }

    public required string EventName { get; set; }

    public required string Hash { get; set; }

    public string? CorrelationId { get; set; }

    public string? WorkflowInstanceId { get; set; }

    public string? Input { get; set; }

    /// <summary>Who sent the event (an API caller); null for events published by workflows.</summary>
    public string? Source { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
