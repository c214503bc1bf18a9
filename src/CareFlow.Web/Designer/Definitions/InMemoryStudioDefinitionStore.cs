namespace CareFlow.Web.Designer.Definitions;

/// <summary>A process-local store: the fallback until the engine's persistent definition store is registered.</summary>
public sealed class InMemoryStudioDefinitionStore : IStudioDefinitionStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DefinitionHistory> _definitions = new(StringComparer.Ordinal);
    private long _lastStamp;

    public Task<DefinitionHistory?> GetAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult(_definitions.GetValueOrDefault(definitionId));
    }

    public Task<IReadOnlyList<DefinitionHistory>> ListAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<DefinitionHistory>>([.. _definitions.Values]);
    }

    public Task<StoredDefinitionVersion?> FindVersionAsync(string versionId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult(_definitions.Values.SelectMany(d => d.Versions).FirstOrDefault(v => v.Id == versionId));
    }

    public Task<IReadOnlyList<StoredDefinitionVersion>?> TryReplaceAsync(string definitionId, long expectedStamp, IReadOnlyList<StoredDefinitionVersion> versions,
        CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var current = _definitions.GetValueOrDefault(definitionId)?.Stamp ?? 0;
            if (current != expectedStamp)
                return Task.FromResult<IReadOnlyList<StoredDefinitionVersion>?>(null);
            if (versions.Count == 0)
                _definitions.Remove(definitionId);
            else
                _definitions[definitionId] = new DefinitionHistory(definitionId, ++_lastStamp, [.. versions.OrderBy(v => v.Version)]);
            return Task.FromResult<IReadOnlyList<StoredDefinitionVersion>?>(versions);
        }
    }
}
