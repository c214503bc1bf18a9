using CareFlow.Workflows.Definitions;

namespace CareFlow.Workflows.Management;

/// <summary>Publishing, retracting, reverting and deleting versions.</summary>
public sealed partial class WorkflowDefinitionService
{
    /// <summary>Publishes the latest version. Null when the definition does not exist.</summary>
    public async Task<StoredDefinition?> PublishAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        var versions = await store.FindVersionsAsync(definitionId, cancellationToken);
        var latest = versions.FirstOrDefault(v => v.IsLatest);
        if (latest is null) return null;
        if (latest.IsPublished) return latest;
        var now = time.GetUtcNow();
        var changes = versions.Where(v => v.IsPublished).Select(v => WithFlags(v, v.IsLatest, false, now)).ToList();
        var published = WithFlags(latest, true, true, now);
        changes.Add(published);
        await store.SaveAsync(changes, cancellationToken);
        return published;
    }

    /// <summary>
    /// Un-publishes the published version (new instances can no longer start on it). Returns the latest version
    /// afterwards, or null when the definition does not exist.
    /// </summary>
    public async Task<StoredDefinition?> RetractAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        var versions = await store.FindVersionsAsync(definitionId, cancellationToken);
        var latest = versions.FirstOrDefault(v => v.IsLatest);
        if (latest is null) return null;
        var now = time.GetUtcNow();
        var retracted = versions.Where(v => v.IsPublished).Select(v => WithFlags(v, v.IsLatest, false, now)).ToList();
        if (retracted.Count == 0) return latest;
        await store.SaveAsync(retracted, cancellationToken);
        return retracted.FirstOrDefault(v => v.Id == latest.Id) ?? latest;
    }

    /// <summary>Makes a copy of an older version the latest draft (replacing an unpublished latest draft). Null when either is missing.</summary>
    public async Task<StoredDefinition?> RevertAsync(string definitionId, int version, CancellationToken cancellationToken = default)
    {
        var versions = await store.FindVersionsAsync(definitionId, cancellationToken);
        var source = versions.FirstOrDefault(v => v.Version == version);
        var latest = versions.FirstOrDefault(v => v.IsLatest);
        if (source is null || latest is null) return null;
        var model = ReadDocument(source);
        model["id"] = latest.Id;
        model["version"] = latest.Version;
        return (await SaveAsync(model, publish: false, new ValidationOptions(), cancellationToken)).Definition;
    }

    /// <summary>Deletes every version of a definition. False when there was none.</summary>
    public async Task<bool> DeleteAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        var versions = await store.FindVersionsAsync(definitionId, cancellationToken);
        if (versions.Count == 0) return false;
        await store.DeleteAsync([.. versions.Select(v => v.Id)], cancellationToken);
        return true;
    }

    /// <summary>Deletes one version; when it was the latest, the highest remaining version becomes latest. False when it does not exist.</summary>
    public async Task<bool> DeleteVersionAsync(string versionId, CancellationToken cancellationToken = default)
    {
        var target = await store.FindByIdAsync(versionId, cancellationToken);
        if (target is null) return false;
        var remaining = (await store.FindVersionsAsync(target.DefinitionId, cancellationToken)).Where(v => v.Id != versionId).ToList();
        if (target.IsLatest && remaining.Count > 0 && !remaining.Any(v => v.IsLatest))
        {
            var next = remaining.MaxBy(v => v.Version)!;
            await store.SaveAsync([WithFlags(next, true, next.IsPublished, time.GetUtcNow())], cancellationToken);
        }

        await store.DeleteAsync([versionId], cancellationToken);
        return true;
    }
}
