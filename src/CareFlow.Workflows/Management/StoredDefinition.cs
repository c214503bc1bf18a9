namespace CareFlow.Workflows.Management;

/// <summary>One stored version of a workflow definition.</summary>
public sealed record StoredDefinition
{
    /// <summary>The version id.</summary>
    public required string Id { get; init; }

    /// <summary>The definition id, shared by all versions.</summary>
    public required string DefinitionId { get; init; }

    /// <summary>The version number, from 1.</summary>
    public required int Version { get; init; }

    /// <summary>The display name.</summary>
    public string? Name { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>Whether this is the newest version.</summary>
    public bool IsLatest { get; init; }

    /// <summary>Whether this is the version new instances start on.</summary>
    public bool IsPublished { get; init; }

    /// <summary>When the version was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the version was last saved.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Increments on every save of this version (a draft is saved many times); guards concurrent edits.</summary>
    public int Revision { get; init; }

    /// <summary>The full Elsa definition JSON, with ids, version and flags kept in step with the fields above.</summary>
    public required string Json { get; init; }
}
