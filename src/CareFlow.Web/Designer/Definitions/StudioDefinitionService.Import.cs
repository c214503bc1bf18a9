using System.Text.Json.Nodes;

namespace CareFlow.Web.Designer.Definitions;

/// <summary>Importing the repository's <c>workflows/*.json</c> as published versions.</summary>
public sealed partial class StudioDefinitionService
{
    /// <summary>
    /// Publishes <paramref name="document"/> under its own <c>version</c> when the store has no version of that
    /// definition at or above it. A newer version saved from the designer is never overwritten.
    /// </summary>
    public async Task<ImportResult> ImportPublishedAsync(JsonObject document, CancellationToken cancellationToken = default)
    {
        // definitionId and version are taken exactly as written: a number where text belongs (or "2" for a version) is refused.
        var clean = DefinitionDocuments.CleanModel(document);
        if (clean["customProperties"] is JsonObject properties)
            properties.Remove(DefinitionDocuments.RevisionProperty);
        inputTypes.FillMissingTypeNames(clean);
        var problems = validator.Validate(clean);
        var fileVersion = 1;
        if (document["version"] is { } version
            && (version.GetValueKind() != System.Text.Json.JsonValueKind.Number || !version.AsValue().TryGetValue(out fileVersion) || fileVersion < 1))
        {
            problems = [.. problems.Where(p => p.Path != "$.version"), new DefinitionProblem("$.version", "version must be a positive whole number.")];
        }
        var definitionId = DefinitionDocuments.Text(clean["definitionId"]) ?? "";
        if (definitionId.Length == 0)
            problems = [.. problems.Where(p => p.Path != "$.definitionId"), new DefinitionProblem("$.definitionId", "definitionId is required and must be a string.")];
        if (problems.Count > 0)
            return new ImportResult(ImportStatus.Invalid, problems);

        for (var attempt = 0; attempt < 3; attempt++)
        {
            var history = await store.GetAsync(definitionId, cancellationToken);
            var highest = history?.Versions.Max(v => v.Version) ?? 0;
            if (highest >= fileVersion)
                return new ImportResult(ImportStatus.UpToDate, []);
            var now = clock.GetUtcNow();
            var versions = (history?.Versions ?? []).Select(v => v with { IsLatest = false, IsPublished = false }).ToList();
            var imported = WithDocument(new StoredDefinitionVersion
            {
                Id = DefinitionDocuments.NewId(), DefinitionId = definitionId, Version = fileVersion,
                IsLatest = true, IsPublished = true, CreatedAt = now, UpdatedAt = now, Document = "",
            }, clean);
            versions.Add(imported);
            if (await store.TryReplaceAsync(definitionId, history?.Stamp ?? 0, versions, cancellationToken) is not null)
                return new ImportResult(ImportStatus.Imported, []);
        }
        return new ImportResult(ImportStatus.UpToDate, []);
    }
}

public enum ImportStatus
{
    Imported,
    UpToDate,
    Invalid,
}

public sealed record ImportResult(ImportStatus Status, IReadOnlyList<DefinitionProblem> Problems);
