using System.Text.Json.Nodes;
using CareFlow.Workflows.Definitions;

namespace CareFlow.Workflows.Management;

/// <summary>Importing workflow files (the repository's <c>workflows/*.json</c>) as published versions.</summary>
public sealed partial class WorkflowDefinitionService
{
    /// <summary>
    /// Publishes <paramref name="document"/> under its own <c>version</c> (1 when absent) when the store has no
    /// version of that definition at or above it; a newer version saved from the designer is never overwritten.
    /// Returns the imported version, or null when the store was already up to date. <c>definitionId</c> and
    /// <c>version</c> are taken exactly as written: a number where text belongs (or "2" for a version) is refused.
    /// </summary>
    /// <exception cref="DefinitionException">The document is invalid; nothing was written.</exception>
    public async Task<StoredDefinition?> ImportPublishedAsync(JsonObject document, ValidationOptions options, CancellationToken cancellationToken = default)
    {
        var clean = CleanCopy(document, out _);
        FillMissingTypeNames(clean);
        var parsed = Validate(clean, options);
        var versions = await store.FindVersionsAsync(parsed.DefinitionId, cancellationToken);
        if (versions.Count > 0 && versions.Max(v => v.Version) >= parsed.Version) return null;

        var now = time.GetUtcNow();
        var changes = versions.Where(v => v.IsLatest || v.IsPublished).Select(v => WithFlags(v, false, false, now)).ToList();
        var imported = Stamp(new StoredDefinition
        {
            Id = NewId(), DefinitionId = parsed.DefinitionId, Version = parsed.Version, Name = parsed.Name, Description = Text(clean["description"]),
            IsLatest = true, IsPublished = true, CreatedAt = now, UpdatedAt = now, Revision = 1, Json = "",
        }, clean);
        changes.Add(imported);
        try
        {
            await store.SaveAsync(changes, cancellationToken);
        }
        catch (DefinitionConflictException)
        {
            // Another node imported the same file at the same moment.
            return null;
        }

        return imported;
    }
}
