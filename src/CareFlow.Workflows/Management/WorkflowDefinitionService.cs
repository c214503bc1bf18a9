using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareFlow.Workflows.Activities;
using CareFlow.Workflows.Definitions;

namespace CareFlow.Workflows.Management;

/// <summary>
/// Versioned definitions with Elsa's semantics, for every caller (Studio's API, the workflow-file import, seeding):
/// saving over a published latest creates version+1 as a draft, saving a draft overwrites it, publishing makes one
/// version the published one. Every save is parsed and validated first and refused when stale (see
/// <see cref="SaveAsync(JsonObject, bool, ValidationOptions, string?, CancellationToken)"/>); nothing is stored when
/// either fails. Running instances stay on their version id.
/// </summary>
public sealed partial class WorkflowDefinitionService(IWorkflowDefinitionStore store, ActivityCatalogue catalogue, TimeProvider time)
{
    /// <summary>The key in <c>customProperties</c> of the save revision an editor round-trips (its concurrency token).</summary>
    public const string RevisionProperty = "careflow:revision";

    /// <summary>The Elsa tool version stamped on documents that carry none.</summary>
    public const string ToolVersion = "3.8.0.0";

    // The editing session that last wrote a draft, and the revision its run of saves began at, travel in the stored
    // document (no column holds them) and are removed again by ReadDocument.
    private const string SessionProperty = "careflow:revisionSession";
    private const string RunStartProperty = "careflow:revisionRunStart";

    /// <summary>Fields the server owns or derives; they are never taken from a client's model.</summary>
    private static readonly string[] ServerOwned = ["$schema", "links", "materializerName", "providerName", "materializerContext"];

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

    /// <summary>Saves (and optionally publishes) a definition model on behalf of no particular editing session.</summary>
    /// <exception cref="DefinitionException">The model is invalid.</exception>
    /// <exception cref="DefinitionConflictException">The model is not based on the stored latest version.</exception>
    public Task<SaveDefinitionResult> SaveAsync(JsonObject model, bool publish, ValidationOptions options, CancellationToken cancellationToken = default) =>
        SaveAsync(model, publish, options, editingSession: null, cancellationToken);

    /// <summary>
    /// Saves (and optionally publishes) a definition model. The stale-save rule: once a definition has versions, a
    /// save must name the latest version (<c>model.id</c>), and when it carries the revision token
    /// (<c>customProperties["careflow:revision"]</c>, returned with every version read through Studio's API) that
    /// token must be the latest's stored revision. The one allowance: overlapping auto-saves of one
    /// <paramref name="editingSession"/>, each based on a revision that session wrote itself, may follow each other.
    /// </summary>
    /// <exception cref="DefinitionException">The model is invalid.</exception>
    /// <exception cref="DefinitionConflictException">The save is stale; nothing was written.</exception>
    public async Task<SaveDefinitionResult> SaveAsync(JsonObject model, bool publish, ValidationOptions options, string? editingSession,
        CancellationToken cancellationToken = default)
    {
        var document = CleanCopy(model, out var revisionToken);
        // Only a new definition (no id, null or "") gets an id; anything else is validated as sent, never replaced.
        if (document["definitionId"] is null || Text(document["definitionId"]) is { Length: 0 }) document["definitionId"] = NewId();
        FillMissingTypeNames(document);
        var parsed = Validate(document, options);
        var versions = await store.FindVersionsAsync(parsed.DefinitionId, cancellationToken);
        var latest = versions.Where(v => v.IsLatest).MaxBy(v => v.Version) ?? versions.MaxBy(v => v.Version);
        if (latest is not null && StaleReason(latest, document, revisionToken, editingSession) is { } reason)
            throw new DefinitionConflictException(reason);

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

        var revision = target.Revision + 1;
        var runStart = !createNew && editingSession is not null && editingSession == SessionOf(latest!, out var latestRunStart) ? latestRunStart : revision;
        SetEditTrail(document, editingSession, runStart);
        var saved = Stamp(target with
        {
            Name = parsed.Name,
            Description = Text(document["description"]),
            IsLatest = true,
            IsPublished = publish || (!createNew && target.IsPublished),
            UpdatedAt = now,
            Revision = revision,
        }, document);
        changes.Add(saved);
        await store.SaveAsync(changes, cancellationToken);
        // Saving over a published latest always creates a new version, so a save never finds its target already published.
        return new SaveDefinitionResult(saved, ForReaders(saved, document), AlreadyPublished: false, createNew);
    }

    /// <summary>Gets the version that the options select.</summary>
    public async Task<StoredDefinition?> GetAsync(string definitionId, VersionOptions options, CancellationToken cancellationToken = default) =>
        options.Select(await store.FindVersionsAsync(definitionId, cancellationToken));

    /// <summary>One version by its version id.</summary>
    public Task<StoredDefinition?> FindVersionAsync(string versionId, CancellationToken cancellationToken = default) =>
        store.FindByIdAsync(versionId, cancellationToken);

    /// <summary>Versions matching a query.</summary>
    public Task<(IReadOnlyList<StoredDefinition> Items, int TotalCount)> ListAsync(DefinitionQuery query, CancellationToken cancellationToken = default) =>
        store.ListAsync(query, cancellationToken);

    /// <summary>Variable ids and names of one version (what an instance running on it calls its variables); empty when it is gone.</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetVariableNamesAsync(string versionId, CancellationToken cancellationToken = default) =>
        await store.FindByIdAsync(versionId, cancellationToken) is { } stored
            ? Materialize(stored).AllVariables.ToDictionary(v => v.Id, v => v.Name)
            : new Dictionary<string, string>();

    /// <summary>Turns a stored version into a runnable definition (cached per version and revision).</summary>
    public static WorkflowDefinition Materialize(StoredDefinition stored) =>
        Materialized.GetOrAdd((stored.Id, stored.Revision), _ => WorkflowDefinitionParser.Parse(stored.Json));

    /// <summary>
    /// A stored version's document for readers (Studio, export): a fresh copy with the version fields stamped from
    /// the record and the service's own bookkeeping removed.
    /// </summary>
    public static JsonObject ReadDocument(StoredDefinition stored) => ForReaders(stored, JsonNode.Parse(stored.Json) as JsonObject ?? []);

    private static JsonObject ForReaders(StoredDefinition stored, JsonObject document)
    {
        if (document["customProperties"] is JsonObject properties)
        {
            properties.Remove(SessionProperty);
            properties.Remove(RunStartProperty);
            properties.Remove(RevisionProperty);
        }

        StampFields(stored, document);
        return document;
    }

    /// <summary>Why a save over <paramref name="latest"/> is stale, or null when it may go ahead.</summary>
    private static string? StaleReason(StoredDefinition latest, JsonObject model, int? revisionToken, string? editingSession)
    {
        if (Text(model["id"]) is not { Length: > 0 } basedOnId || basedOnId != latest.Id)
        {
            var basedOn = model["version"] is JsonValue v && v.TryGetValue(out int number)
                ? string.Create(CultureInfo.InvariantCulture, $"version {number}")
                : "an unsaved copy";
            return string.Create(CultureInfo.InvariantCulture,
                $"This save is based on {basedOn}, but version {latest.Version} has been saved since. Reload the workflow and apply your change again.");
        }

        if (revisionToken is null || revisionToken == latest.Revision) return null;
        var ownRun = editingSession is not null && editingSession == SessionOf(latest, out var runStart)
            && revisionToken >= runStart - 1 && revisionToken <= latest.Revision;
        return ownRun ? null : "Someone else changed this workflow since you opened it. Reload it and apply your change again.";
    }

    /// <summary>The session that last wrote <paramref name="stored"/> (null when none), and the revision its run of saves began at.</summary>
    private static string? SessionOf(StoredDefinition stored, out int runStart)
    {
        runStart = stored.Revision;
        if (!stored.Json.Contains(SessionProperty, StringComparison.Ordinal)) return null;
        if (JsonNode.Parse(stored.Json)?["customProperties"] is not JsonObject properties) return null;
        runStart = Number(properties[RunStartProperty]) ?? stored.Revision;
        return Text(properties[SessionProperty]);
    }

    private static void SetEditTrail(JsonObject document, string? editingSession, int runStart)
    {
        if (editingSession is null) return;
        if (document["customProperties"] is not JsonObject properties) document["customProperties"] = properties = [];
        properties[SessionProperty] = editingSession;
        properties[RunStartProperty] = runStart;
    }

    /// <summary>A copy of a client's model without the server-owned fields; the revision token it carried, if any, comes out separately.</summary>
    private static JsonObject CleanCopy(JsonObject model, out int? revisionToken)
    {
        var document = model.DeepClone().AsObject();
        foreach (var field in ServerOwned) document.Remove(field);
        revisionToken = null;
        if (document["customProperties"] is JsonObject properties)
        {
            revisionToken = Number(properties[RevisionProperty]);
            properties.Remove(RevisionProperty);
            properties.Remove(SessionProperty);
            properties.Remove(RunStartProperty);
        }

        return document;
    }

    /// <summary>Studio sends <c>typeName: null</c> for inputs it just created; they are filled in from the catalogue.</summary>
    private void FillMissingTypeNames(JsonObject document)
    {
        if (document["root"] is JsonObject root) Visit(root);

        void Visit(JsonObject activity)
        {
            if (Text(activity["type"]) is { } typeName && catalogue.TryGet(typeName, out var type))
            {
                foreach (var (input, _) in type.Inputs)
                {
                    if (activity[JsonNamingPolicy.CamelCase.ConvertName(input.Name)] is JsonObject wrapped && wrapped.ContainsKey("expression") && wrapped["typeName"] is null)
                        wrapped["typeName"] = input.TypeName;
                }
            }

            if (activity["activities"] is JsonArray children)
            {
                foreach (var child in children.OfType<JsonObject>()) Visit(child);
            }
        }
    }

    private static StoredDefinition WithFlags(StoredDefinition version, bool isLatest, bool isPublished, DateTimeOffset now)
    {
        var json = JsonNode.Parse(version.Json)!.AsObject();
        return Stamp(version with { IsLatest = isLatest, IsPublished = isPublished, UpdatedAt = now, Revision = version.Revision + 1 }, json);
    }

    private static StoredDefinition Stamp(StoredDefinition version, JsonObject json)
    {
        StampFields(version, json);
        return version with { Json = json.ToJsonString() };
    }

    private static void StampFields(StoredDefinition version, JsonObject json)
    {
        json["id"] = version.Id;
        json["definitionId"] = version.DefinitionId;
        json["version"] = version.Version;
        json["isLatest"] = version.IsLatest;
        json["isPublished"] = version.IsPublished;
        json["createdAt"] = version.CreatedAt.ToString("O", CultureInfo.InvariantCulture);
        json["toolVersion"] ??= ToolVersion;
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    private static int? Number(JsonNode? node) =>
        node is JsonValue value && (value.TryGetValue(out int number)
            || (value.TryGetValue(out string? text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number)))
            ? number
            : null;

    /// <summary>A new 16-digit hex id for a definition or a version.</summary>
    public static string NewId() => Guid.NewGuid().ToString("N")[..16];
}
