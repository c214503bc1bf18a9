namespace CareFlow.Infrastructure.Care;

/// <summary>
/// A signal to one waiting bookmark, written in the transaction of the change that causes it and deleted once
/// delivered. The bookmark's id is fixed when the signal is raised: a bookmark is resumed at most once (its row is
/// the claim), so delivering the row again after a crash can never resume a later wait of the same workflow.
/// </summary>
public sealed class PendingSignalRecord
{
    public Guid Id { get; set; }

    public required string InstanceId { get; set; }

    public required string BookmarkId { get; set; }

    /// <summary>The resume input as JSON, or null.</summary>
    public string? Input { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
