namespace CareFlow.Core.Care.Plans;

/// <summary>A scheduled contact with the client, in stabilization or follow-up, with its outcome once held.</summary>
public sealed class CheckIn
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public CheckInKind Kind { get; set; }

    /// <summary>A label such as "day 7".</summary>
    public string Label { get; set; } = "";

    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset? HeldAt { get; set; }

    public CheckInOutcome? Outcome { get; set; }

    public string? Notes { get; set; }

    /// <summary>Who recorded the outcome (a user name); null for an outcome the workflow set (missed after the grace period).</summary>
    public string? RecordedBy { get; set; }
}
