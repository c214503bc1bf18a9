namespace CareFlow.Web.Designer.Definitions;

/// <summary>
/// Where workflow-definition versions live. The whole version set of a definition changes in one
/// compare-and-swap on its stamp, so two saves racing on one definition cannot both win.
/// Interim port on the designer side until the engine's versioned definition store replaces it.
/// </summary>
public interface IStudioDefinitionStore
{
    Task<DefinitionHistory?> GetAsync(string definitionId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DefinitionHistory>> ListAsync(CancellationToken cancellationToken = default);

    Task<StoredDefinitionVersion?> FindVersionAsync(string versionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the definition's versions when its stamp still equals <paramref name="expectedStamp"/>
    /// (0: the definition must not exist). An empty list deletes the definition. Returns the versions as stored
    /// (the store may assign revisions), or null when someone else changed the definition first.
    /// </summary>
    Task<IReadOnlyList<StoredDefinitionVersion>?> TryReplaceAsync(string definitionId, long expectedStamp, IReadOnlyList<StoredDefinitionVersion> versions,
        CancellationToken cancellationToken = default);
}
