namespace CareFlow.Infrastructure.Workflows;

/// <summary>A stored definition version (table workflows.definitions).</summary>
public sealed class WorkflowDefinitionRecord
{
    public required string Id { get; set; }

    public required string DefinitionId { get; set; }

    public int Version { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public bool IsLatest { get; set; }

    public bool IsPublished { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Revision { get; set; }

    public required string Json { get; set; }
}
