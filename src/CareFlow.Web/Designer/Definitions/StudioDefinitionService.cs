using System.Text.Json.Nodes;

namespace CareFlow.Web.Designer.Definitions;

/// <summary>
/// Versioned workflow definitions as Studio edits them: a save overwrites the latest draft, or starts version+1
/// when the latest is published; every save is validated first; stale saves are refused (see <see cref="Conflicts"/>).
/// </summary>
public sealed partial class StudioDefinitionService(
    IStudioDefinitionStore store, IStudioDefinitionValidator validator, StudioInputTypes inputTypes, TimeProvider clock)
{
    public async Task<StoredDefinitionVersion?> FindAsync(string definitionId, VersionSelector selector, CancellationToken cancellationToken = default)
    {
        var history = await store.GetAsync(definitionId, cancellationToken);
        return history?.Versions.Where(selector.Matches).MaxBy(v => v.Version);
    }

    public Task<StoredDefinitionVersion?> FindVersionAsync(string versionId, CancellationToken cancellationToken = default) =>
        store.FindVersionAsync(versionId, cancellationToken);

    public async Task<IReadOnlyList<StoredDefinitionVersion>> ListAsync(VersionSelector selector, CancellationToken cancellationToken = default)
    {
        var histories = await store.ListAsync(cancellationToken);
        return [.. histories.SelectMany(h => h.Versions).Where(selector.Matches)];
    }

    public async Task<IReadOnlyList<StoredDefinitionVersion>> ListLatestAsync(CancellationToken cancellationToken = default) =>
        [.. (await ListAsync(VersionSelector.Latest, cancellationToken)).OrderBy(v => v.Name ?? v.DefinitionId, StringComparer.OrdinalIgnoreCase)];

    /// <summary>Validates and stores a Studio model (<c>POST /workflow-definitions</c>). <paramref name="session"/> identifies the editing session, if any.</summary>
    public async Task<SaveOutcome> SaveAsync(JsonObject model, bool publish, string? session, CancellationToken cancellationToken = default)
    {
        // A new workflow (no definitionId, null or "") gets an id; any other value is validated as sent, never replaced.
        var sentId = model["definitionId"];
        var isNew = sentId is null || DefinitionDocuments.Text(sentId) is { Length: 0 };
        var document = DefinitionDocuments.CleanModel(model);
        if (isNew)
            document["definitionId"] = DefinitionDocuments.NewId();
        inputTypes.FillMissingTypeNames(document);
        var problems = validator.Validate(document);
        if (problems.Count > 0)
            return SaveOutcome.Invalid(problems);
        if (DefinitionDocuments.Text(document["definitionId"]) is not { Length: > 0 } definitionId)
            return SaveOutcome.Invalid([new DefinitionProblem("$.definitionId", "definitionId must be a string.")]);

        var history = await store.GetAsync(definitionId, cancellationToken);
        var conflict = Conflicts.Check(history?.Latest, model, session);
        if (conflict is not null)
            return SaveOutcome.Stale(conflict);

        var now = clock.GetUtcNow();
        var versions = history?.Versions.ToList() ?? [];
        var latest = history?.Latest;
        StoredDefinitionVersion saved;
        if (latest is { IsPublished: false })
        {
            var revision = latest.Revision + 1;
            saved = latest with
            {
                UpdatedAt = now,
                Revision = revision,
                RevisionSession = session,
                RevisionRunStart = session is not null && session == latest.RevisionSession ? latest.RevisionRunStart : revision,
                Document = "",
            };
            versions.Remove(latest);
        }
        else
        {
            saved = new StoredDefinitionVersion
            {
                Id = DefinitionDocuments.NewId(),
                DefinitionId = definitionId,
                Version = (latest?.Version ?? 0) + 1,
                CreatedAt = now,
                UpdatedAt = now,
                Document = "",
                RevisionSession = session,
            };
            if (latest is not null)
                Replace(versions, latest, latest with { IsLatest = false });
        }

        saved = saved with { IsLatest = true, IsPublished = publish };
        if (publish)
        {
            foreach (var published in versions.Where(v => v.IsPublished).ToList())
                Replace(versions, published, published with { IsPublished = false });
        }
        saved = WithDocument(saved, document);
        versions.Add(saved);
        var stored = await store.TryReplaceAsync(definitionId, history?.Stamp ?? 0, versions, cancellationToken);
        return stored is not null
            ? SaveOutcome.Success(stored.First(v => v.Id == saved.Id))
            : SaveOutcome.Stale("Someone else saved this workflow at the same moment; reload it and apply your change again.");
    }

    /// <summary>Publishes the latest version. Null when the definition does not exist.</summary>
    public Task<StoredDefinitionVersion?> PublishAsync(string definitionId, CancellationToken cancellationToken = default) =>
        ChangeAsync(definitionId, versions =>
        {
            var latest = versions.Single(v => v.IsLatest);
            foreach (var v in versions.Where(v => v.IsPublished && v != latest).ToList())
                Replace(versions, v, v with { IsPublished = false });
            var published = latest with { IsPublished = true };
            Replace(versions, latest, published);
            return published;
        }, cancellationToken);

    /// <summary>Takes the published version out of use (no version is published afterwards).</summary>
    public Task<StoredDefinitionVersion?> RetractAsync(string definitionId, CancellationToken cancellationToken = default) =>
        ChangeAsync(definitionId, versions =>
        {
            foreach (var v in versions.Where(v => v.IsPublished).ToList())
                Replace(versions, v, v with { IsPublished = false });
            return versions.Single(v => v.IsLatest);
        }, cancellationToken);

    /// <summary>Makes a copy of <paramref name="version"/> the latest draft (replacing an unpublished latest draft).</summary>
    public Task<StoredDefinitionVersion?> RevertAsync(string definitionId, int version, CancellationToken cancellationToken = default) =>
        ChangeAsync(definitionId, versions =>
        {
            var source = versions.FirstOrDefault(v => v.Version == version);
            if (source is null)
                return null;
            var latest = versions.Single(v => v.IsLatest);
            var now = clock.GetUtcNow();
            StoredDefinitionVersion draft;
            if (!latest.IsPublished)
            {
                versions.Remove(latest);
                draft = latest with { Revision = latest.Revision + 1, RevisionSession = null, RevisionRunStart = latest.Revision + 1, UpdatedAt = now };
            }
            else
            {
                Replace(versions, latest, latest with { IsLatest = false });
                draft = new StoredDefinitionVersion
                {
                    Id = DefinitionDocuments.NewId(), DefinitionId = definitionId, Version = latest.Version + 1,
                    CreatedAt = now, UpdatedAt = now, Document = "",
                };
            }
            draft = WithDocument(draft with { IsLatest = true, IsPublished = false }, source.ParseDocument());
            versions.Add(draft);
            return draft;
        }, cancellationToken);

    public async Task<bool> DeleteAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        var history = await store.GetAsync(definitionId, cancellationToken);
        return history is not null && await store.TryReplaceAsync(definitionId, history.Stamp, [], cancellationToken) is not null;
    }

    /// <summary>Deletes one version; when it was the latest, the highest remaining version becomes latest.</summary>
    public async Task<bool> DeleteVersionAsync(string versionId, CancellationToken cancellationToken = default)
    {
        var version = await store.FindVersionAsync(versionId, cancellationToken);
        if (version is null)
            return false;
        var result = await ChangeAsync(version.DefinitionId, versions =>
        {
            var target = versions.FirstOrDefault(v => v.Id == versionId);
            if (target is null)
                return null;
            versions.Remove(target);
            if (target.IsLatest && versions.Count > 0)
            {
                var next = versions.MaxBy(v => v.Version)!;
                Replace(versions, next, next with { IsLatest = true });
            }
            return target;
        }, cancellationToken);
        return result is not null;
    }

    private async Task<StoredDefinitionVersion?> ChangeAsync(string definitionId,
        Func<List<StoredDefinitionVersion>, StoredDefinitionVersion?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var history = await store.GetAsync(definitionId, cancellationToken);
            if (history is null)
                return null;
            var versions = history.Versions.ToList();
            var result = change(versions);
            if (result is null)
                return null;
            if (await store.TryReplaceAsync(definitionId, history.Stamp, versions, cancellationToken) is { } stored)
                return stored.FirstOrDefault(v => v.Id == result.Id) ?? result;
        }
        throw new InvalidOperationException($"The workflow definition '{definitionId}' kept changing; try again.");
    }

    private static StoredDefinitionVersion WithDocument(StoredDefinitionVersion version, JsonObject document)
    {
        DefinitionDocuments.Stamp(document, version);
        return version with { Document = document.ToJsonString() };
    }

    private static void Replace(List<StoredDefinitionVersion> versions, StoredDefinitionVersion old, StoredDefinitionVersion replacement) =>
        versions[versions.IndexOf(old)] = replacement;
}
