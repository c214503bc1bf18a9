namespace CareFlow.Core.Care.Cases;

/// <summary>One episode of care coordination for a client, owned by a coordinator and moved through the stages.</summary>
public sealed class Case
{
    public Guid Id { get; set; }

    public Guid ClientId { get; set; }

    /// <summary>The coordinator's user id (their sign-in name); the caseload filter compares with it.</summary>
    public string CoordinatorId { get; set; } = "";

    public string CoordinatorName { get; set; } = "";

    public CaseStage Stage { get; set; }

    public CaseStatus Status { get; set; }

    /// <summary>Why the case cannot move on (e.g. no consent naming the recipient), shown on the case.</summary>
    public string? BlockedReason { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public string? ClosureReason { get; set; }

    /// <summary>What the coordinator wrote when closing the case.</summary>
    public string? ClosureSummary { get; set; }

    /// <summary>Who closed the case (a user name); null when a workflow step closed it.</summary>
    public string? ClosedBy { get; set; }
}
