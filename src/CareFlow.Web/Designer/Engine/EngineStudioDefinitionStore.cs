using System.Text.Json.Nodes;
using CareFlow.Web.Designer.Definitions;
using CareFlow.Workflows.Management;

namespace CareFlow.Web.Designer.Engine;

/// <summary>
/// The designer's store port over the engine's <see cref="IWorkflowDefinitionStore"/>, so the runtime executes
/// exactly what Studio saved. The engine store checks each written version's revision (optimistic concurrency);
/// the definition-wide stamp is derived from every version's id and revision. The editing session that last
/// wrote a draft travels in the stored JSON's <c>customProperties</c> and is removed again on the way out.
/// </summary>
public sealed class EngineStudioDefinitionStore(IWorkflowDefinitionStore store) : IStudioDefinitionStore
{
    private const string SessionProperty = "careflow:revisionSession";
    private const string RunStartProperty = "careflow:revisionRunStart";

    public async Task<DefinitionHistory?> GetAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        var versions = await store.FindVersionsAsync(definitionId, cancellationToken);
        return versions.Count == 0 ? null : new DefinitionHistory(definitionId, StampOf(versions), [.. versions.Select(FromEngine)]);
    }

    public async Task<IReadOnlyList<DefinitionHistory>> ListAsync(CancellationToken cancellationToken = default)
    {
        var (items, _) = await store.ListAsync(new DefinitionQuery { VersionOptions = VersionOptions.AllVersions }, cancellationToken);
        return [.. items.GroupBy(v => v.DefinitionId, StringComparer.Ordinal)
            .Select(g => new DefinitionHistory(g.Key, StampOf([.. g]), [.. g.OrderBy(v => v.Version).Select(FromEngine)]))];
    }

    public async Task<StoredDefinitionVersion?> FindVersionAsync(string versionId, CancellationToken cancellationToken = default) =>
        await store.FindByIdAsync(versionId, cancellationToken) is { } version ? FromEngine(version) : null;

    public async Task<IReadOnlyList<StoredDefinitionVersion>?> TryReplaceAsync(string definitionId, long expectedStamp,
        IReadOnlyList<StoredDefinitionVersion> versions, CancellationToken cancellationToken = default)
    {
        var current = await store.FindVersionsAsync(definitionId, cancellationToken);
        if (StampOf(current) != expectedStamp)
            return null;
        var changes = new List<StoredDefinition>();
        foreach (var version in versions)
        {
            var existing = current.FirstOrDefault(c => c.Id == version.Id);
            var candidate = ToEngine(version, (existing?.Revision ?? 0) + 1);
            if (existing is null || !SameContent(existing, candidate))
                changes.Add(candidate);
        }
        try
        {
            if (changes.Count > 0)
                await store.SaveAsync(changes, cancellationToken);
        }
        catch (DefinitionConflictException)
        {
            return null;
        }
        var removed = current.Select(c => c.Id).Except(versions.Select(v => v.Id), StringComparer.Ordinal).ToList();
        if (removed.Count > 0)
            await store.DeleteAsync(removed, cancellationToken);
        return [.. (await store.FindVersionsAsync(definitionId, cancellationToken)).Select(FromEngine)];
    }

    internal static long StampOf(IReadOnlyList<StoredDefinition> versions)
    {
        if (versions.Count == 0)
            return 0;
        var hash = new HashCode();
        foreach (var version in versions.OrderBy(v => v.Id, StringComparer.Ordinal))
        {
            hash.Add(version.Id, StringComparer.Ordinal);
            hash.Add(version.Revision);
        }
        return ((long)hash.ToHashCode() << 8) | (uint)Math.Min(versions.Count, 255) | 1L << 62;
    }

    private static bool SameContent(StoredDefinition a, StoredDefinition b) =>
        a.IsLatest == b.IsLatest && a.IsPublished == b.IsPublished && a.Version == b.Version && a.Json == b.Json;

    private static StoredDefinition ToEngine(StoredDefinitionVersion version, int revision)
    {
        var document = version.ParseDocument();
        DefinitionDocuments.Stamp(document, version);
        if (document["customProperties"] is not JsonObject properties)
            document["customProperties"] = properties = [];
        properties[SessionProperty] = version.RevisionSession;
        properties[RunStartProperty] = version.RevisionRunStart;
        return new StoredDefinition
        {
            Id = version.Id,
            DefinitionId = version.DefinitionId,
            Version = version.Version,
            Name = DefinitionDocuments.Text(document["name"]),
            Description = DefinitionDocuments.Text(document["description"]),
            IsLatest = version.IsLatest,
            IsPublished = version.IsPublished,
            CreatedAt = version.CreatedAt,
            UpdatedAt = version.UpdatedAt,
            Revision = revision,
            Json = document.ToJsonString(),
        };
    }

    private static StoredDefinitionVersion FromEngine(StoredDefinition stored)
    {
        var document = JsonNode.Parse(stored.Json) as JsonObject ?? [];
        string? session = null;
        var runStart = stored.Revision;
        if (document["customProperties"] is JsonObject properties)
        {
            session = DefinitionDocuments.Text(properties[SessionProperty]);
            runStart = DefinitionDocuments.Number(properties[RunStartProperty]) ?? stored.Revision;
            properties.Remove(SessionProperty);
            properties.Remove(RunStartProperty);
        }
        return new StoredDefinitionVersion
        {
            Id = stored.Id,
            DefinitionId = stored.DefinitionId,
            Version = stored.Version,
            IsLatest = stored.IsLatest,
            IsPublished = stored.IsPublished,
            CreatedAt = stored.CreatedAt,
            UpdatedAt = stored.UpdatedAt,
            Revision = stored.Revision,
            RevisionSession = session,
            RevisionRunStart = runStart,
            Document = document.ToJsonString(),
        };
    }
}
