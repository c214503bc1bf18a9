using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using CareFlow.Workflows.Activities;
using CareFlow.Workflows.Definitions;

namespace CareFlow.Workflows.Management;

/// <summary>
/// Versioned definitions with Elsa's semantics: saving over a published latest creates version+1 as a draft,
/// saving a draft overwrites it, publishing makes one version the published one. Every save is parsed and
/// validated first; nothing is stored when it fails. Running instances stay on their version id.
/// </summary>
public sealed class WorkflowDefinitionService(IWorkflowDefinitionStore store, ActivityCatalogue catalogue, TimeProvider time)
{
    private static readonly ConcurrentDictionary<(string Id, int Revision), WorkflowDefinition> Materialized = new();
    private readonly WorkflowDefinitionValidator _validator = new(catalogue);

    /// <summary>The store.</summary>
    public IWorkflowDefinitionStore Store => store;

    /// <summary>Validates a model without storing it; throws <see cref="DefinitionException"/> with every error.</summary>
    public WorkflowDefinition Validate(JsonObject model, ValidationOptions options)
    {
        var definition = WorkflowDefinitionParser.FromJson(model);
        var errors = _validator.Validate(definition, options);
        return errors.Count > 0 ? throw new DefinitionException(errors) : definition;
    }

    /// <summary>Saves (and optionally publishes) a definition model.</summary>
    /// <exception cref="DefinitionException">The model is invalid.</exception>
    /// <exception cref="DefinitionConflictException">The model is based on a version older than the stored latest.</exception>
    public async Task<SaveDefinitionResult> SaveAsync(JsonObject model, bool publish, ValidationOptions options, CancellationToken cancellationToken = default)
    {
        model = model.DeepClone().AsObject();
        model.Remove("links");
        // Only a new definition (no id, null or "") gets an id; anything else is validated as sent, never replaced.
        if (model["definitionId"] is null || (model["definitionId"] is JsonValue sent && sent.TryGetValue(out string? text) && text.Length == 0)) model["definitionId"] = NewId();
        var parsed = Validate(model, options);
        var versions = await store.FindVersionsAsync(parsed.DefinitionId, cancellationToken);
        var latest = versions.Where(v => v.IsLatest).MaxBy(v => v.Version) ?? versions.MaxBy(v => v.Version);
        if (latest is not null && model["version"] is JsonValue vv && vv.TryGetValue(out int basedOn) && basedOn < latest.Version)
        {
            throw new DefinitionConflictException(
                $"This change is based on version {basedOn.ToString(CultureInfo.InvariantCulture)}, but version {latest.Version.ToString(CultureInfo.InvariantCulture)} has been saved since. Reload to get the newest version.");
        }

        var now = time.GetUtcNow();
        var createNew = latest is null || latest.IsPublished;
        var target = createNew
            ? new StoredDefinition { Id = NewId(), DefinitionId = parsed.DefinitionId, Version = (latest?.Version ?? 0) + 1, CreatedAt = now, Json = "" }
            : latest!;
        var changes = new List<StoredDefinition>();
        foreach (var other in versions.Where(v => v.Id != target.Id))
        {
            var isLatest = other.IsLatest && !createNew;
            var isPublished = other.IsPublished && !publish;
            if (isLatest != other.IsLatest || isPublished != other.IsPublished) changes.Add(WithFlags(other, isLatest, isPublished, now));
        }

        var saved = Stamp(target with
        {
            Name = parsed.Name,
            Description = model["description"]?.ToString(),
            IsLatest = true,
            IsPublished = publish || (!createNew && target.IsPublished),
            UpdatedAt = now,
            Revision = target.Revision + 1,
        }, model);
        changes.Add(saved);
        await store.SaveAsync(changes, cancellationToken);
        // Saving over a published latest always creates a new version, so a save never finds its target already published.
        return new SaveDefinitionResult(saved, AlreadyPublished: false, createNew);
    }

    /// <summary>Gets the version that the options select.</summary>
    public async Task<StoredDefinition?> GetAsync(string definitionId, VersionOptions options, CancellationToken cancellationToken = default) =>
        options.Select(await store.FindVersionsAsync(definitionId, cancellationToken));

    /// <summary>Publishes the latest version.</summary>
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

    /// <summary>Un-publishes the published version (new instances can no longer start on it).</summary>
    public async Task<StoredDefinition?> RetractAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        var versions = await store.FindVersionsAsync(definitionId, cancellationToken);
        var published = versions.FirstOrDefault(v => v.IsPublished);
        if (published is null) return null;
        var retracted = WithFlags(published, published.IsLatest, false, time.GetUtcNow());
        await store.SaveAsync([retracted], cancellationToken);
        return retracted;
    }

    /// <summary>Makes a copy of an older version the new latest draft.</summary>
    public async Task<StoredDefinition?> RevertAsync(string definitionId, int version, CancellationToken cancellationToken = default)
    {
        var versions = await store.FindVersionsAsync(definitionId, cancellationToken);
        var source = versions.FirstOrDefault(v => v.Version == version);
        var latest = versions.FirstOrDefault(v => v.IsLatest);
        if (source is null || latest is null) return null;
        var model = JsonNode.Parse(source.Json)!.AsObject();
        model["version"] = latest.Version;
        return (await SaveAsync(model, publish: false, new ValidationOptions(), cancellationToken)).Definition;
    }

    /// <summary>Turns a stored version into a runnable definition (cached per version and revision).</summary>
    public static WorkflowDefinition Materialize(StoredDefinition stored) =>
        Materialized.GetOrAdd((stored.Id, stored.Revision), _ => WorkflowDefinitionParser.Parse(stored.Json));

    private static StoredDefinition WithFlags(StoredDefinition version, bool isLatest, bool isPublished, DateTimeOffset now)
    {
        var json = JsonNode.Parse(version.Json)!.AsObject();
        return Stamp(version with { IsLatest = isLatest, IsPublished = isPublished, UpdatedAt = now, Revision = version.Revision + 1 }, json);
    }

    private static StoredDefinition Stamp(StoredDefinition version, JsonObject json)
    {
        json["id"] = version.Id;
        json["definitionId"] = version.DefinitionId;
        json["version"] = version.Version;
        json["isLatest"] = version.IsLatest;
        json["isPublished"] = version.IsPublished;
        json["createdAt"] = version.CreatedAt.ToString("O", CultureInfo.InvariantCulture);
        return version with { Json = json.ToJsonString() };
    }

    private static string NewId() => Guid.CreateVersion7().ToString("N")[..16];
}
