namespace CareFlow.Core.Care.Stages;

/// <summary>
/// An outbox row asking for a workflow to start, written in the burst that hands a case over; started after
/// commit by the stage hand-over (Infrastructure). The id is the idempotency key, so a retried burst starts one instance.
/// </summary>
public sealed class WorkflowStartRequest
{
    public string Id { get; set; } = "";

    public string DefinitionId { get; set; } = "";

    public Guid CaseId { get; set; }

    public string? RequestedByInstanceId { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public string? StartedInstanceId { get; set; }

    public DateTimeOffset? StartedAt { get; set; }
}
