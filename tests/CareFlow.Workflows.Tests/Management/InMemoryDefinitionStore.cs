using CareFlow.Workflows.Management;

namespace CareFlow.Workflows.Tests;

/// <summary>A definition store in memory: the fake at the store port for the definition service's unit tests.</summary>
public sealed class InMemoryDefinitionStore : IWorkflowDefinitionStore
{
    private readonly Dictionary<string, StoredDefinition> _versions = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredDefinition>> FindVersionsAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        lock (_lock) return Task.FromResult<IReadOnlyList<StoredDefinition>>([.. _versions.Values.Where(v => v.DefinitionId == definitionId).OrderBy(v => v.Version)]);
    }

    /// <inheritdoc />
    public Task<StoredDefinition?> FindByIdAsync(string id, CancellationToken cancellationToken = default)
    {
        lock (_lock) return Task.FromResult(_versions.GetValueOrDefault(id));
    }

    /// <inheritdoc />
    public Task<(IReadOnlyList<StoredDefinition> Items, int TotalCount)> ListAsync(DefinitionQuery query, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var matches = _versions.Values.Where(query.VersionOptions.Matches)
                .Where(v => query.DefinitionIds is null || query.DefinitionIds.Contains(v.DefinitionId))
                .Where(v => string.IsNullOrEmpty(query.SearchTerm) || (v.Name ?? "").Contains(query.SearchTerm, StringComparison.OrdinalIgnoreCase) || v.DefinitionId.Contains(query.SearchTerm, StringComparison.OrdinalIgnoreCase))
                .OrderBy(v => v.Name, StringComparer.OrdinalIgnoreCase).ThenBy(v => v.Version).ToList();
            IReadOnlyList<StoredDefinition> page = query.Page is { } p && query.PageSize is { } size ? [.. matches.Skip(p * size).Take(size)] : matches;
            return Task.FromResult((page, matches.Count));
        }
    }

    /// <inheritdoc />
    public Task SaveAsync(IReadOnlyList<StoredDefinition> versions, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            foreach (var version in versions)
            {
                var expected = _versions.TryGetValue(version.Id, out var current) ? current.Revision : 0;
                if (version.Revision != expected + 1) throw new DefinitionConflictException($"Version {version.Id} was changed by someone else.");
            }

            foreach (var version in versions) _versions[version.Id] = version;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            foreach (var id in ids) _versions.Remove(id);
        }

        return Task.CompletedTask;
    }
}
