namespace CareFlow.Infrastructure.Workflows;

/// <summary>An instance row: queryable columns plus the engine state as JSON (ids and small values only).</summary>
public sealed class WorkflowInstanceRecord
{
    public required string Id { get; set; }

    public required string DefinitionId { get; set; }

    public required string DefinitionVersionId { get; set; }

    public int Version { get; set; }

    public required string Status { get; set; }

    public required string SubStatus { get; set; }

    public string? CorrelationId { get; set; }

    public string? Name { get; set; }

    public int IncidentCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Bumped by every committed burst; a burst commits only if it is unchanged since the burst loaded it.</summary>
    public long RowVersion { get; set; }

    public required string State { get; set; }
}
