namespace CareFlow.Workflows.Management;

/// <summary>Where definition versions live. Implementations commit <see cref="SaveAsync"/> atomically.</summary>
public interface IWorkflowDefinitionStore
{
    /// <summary>Every version of one definition.</summary>
    Task<IReadOnlyList<StoredDefinition>> FindVersionsAsync(string definitionId, CancellationToken cancellationToken = default);

    /// <summary>One version by its version id.</summary>
    Task<StoredDefinition?> FindByIdAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Versions matching a query, paged.</summary>
    Task<(IReadOnlyList<StoredDefinition> Items, int TotalCount)> ListAsync(DefinitionQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts or updates versions in one transaction. Each update must match the stored <see cref="StoredDefinition.Revision"/>
    /// minus one (optimistic concurrency); otherwise throws <see cref="DefinitionConflictException"/> and writes nothing.
    /// </summary>
    Task SaveAsync(IReadOnlyList<StoredDefinition> versions, CancellationToken cancellationToken = default);

    /// <summary>Deletes versions by version id.</summary>
    Task DeleteAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default);
}
