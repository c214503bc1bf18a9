namespace CareFlow.Core.Care.Tasks;

/// <summary>A human task in the coordinator's inbox; a workflow waits on it through the bookmark recorded here.</summary>
public sealed class CoordinatorTask
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public CoordinatorTaskKind Kind { get; set; }

    public string Title { get; set; } = "";

    public string? Description { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public CoordinatorTaskStatus Status { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? CompletedBy { get; set; }

    /// <summary>The coordinator's answer as JSON (e.g. the chosen service id).</summary>
    public string? ResultJson { get; set; }

    /// <summary>The form the coordinator fills in to complete the task, if any (see <see cref="CareFlow.Core.Forms.FormVersion"/>).</summary>
    public string? FormId { get; set; }

    /// <summary>The form's version pinned when the task was created: the answers are checked against it.</summary>
    public int? FormVersion { get; set; }

    public string? WorkflowInstanceId { get; set; }

    public string? BookmarkId { get; set; }
}
