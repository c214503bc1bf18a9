namespace CareFlow.Infrastructure.Workflows;

/// <summary>An open bookmark. Deleting its row is how a resume claims it: exactly one deleter wins.</summary>
public sealed class BookmarkRecord
{
    public required string Id { get; set; }

    public required string InstanceId { get; set; }

    public required string Name { get; set; }

    public required string Hash { get; set; }

    public required string ActivityId { get; set; }

    public required string ActivityInstanceId { get; set; }

    public string? CorrelationId { get; set; }

    public DateTimeOffset? ResumeAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
