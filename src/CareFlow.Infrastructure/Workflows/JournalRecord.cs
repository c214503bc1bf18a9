namespace CareFlow.Infrastructure.Workflows;

/// <summary>One workflow execution log record.</summary>
public sealed class JournalRecord
{
    public required string Id { get; set; }

    public required string InstanceId { get; set; }

    public long Sequence { get; set; }

    public string? ActivityInstanceId { get; set; }

    public required string ActivityId { get; set; }

    public required string ActivityType { get; set; }

    public string? ActivityName { get; set; }

    public required string NodeId { get; set; }

    public required string EventName { get; set; }

    public string? Message { get; set; }

    public DateTimeOffset Timestamp { get; set; }

    public string? Payload { get; set; }
}
