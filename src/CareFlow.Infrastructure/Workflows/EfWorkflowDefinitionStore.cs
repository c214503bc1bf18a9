using CareFlow.Infrastructure.Persistence;
using CareFlow.Workflows.Management;
using Microsoft.EntityFrameworkCore;

namespace CareFlow.Infrastructure.Workflows;

/// <summary>Definition versions in the database; saves are atomic and guarded by each version's revision.</summary>
public sealed class EfWorkflowDefinitionStore(CareFlowDbContext db) : IWorkflowDefinitionStore
{
    public async Task<IReadOnlyList<StoredDefinition>> FindVersionsAsync(string definitionId, CancellationToken cancellationToken = default) =>
        [.. (await db.Set<WorkflowDefinitionRecord>().AsNoTracking().Where(d => d.DefinitionId == definitionId).ToListAsync(cancellationToken))
            .OrderBy(d => d.Version).Select(ToModel)];

    public async Task<StoredDefinition?> FindByIdAsync(string id, CancellationToken cancellationToken = default) =>
        await db.Set<WorkflowDefinitionRecord>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken) is { } r ? ToModel(r) : null;

    public async Task<(IReadOnlyList<StoredDefinition> Items, int TotalCount)> ListAsync(DefinitionQuery query, CancellationToken cancellationToken = default)
    {
        var q = db.Set<WorkflowDefinitionRecord>().AsNoTracking();
        q = query.VersionOptions.Kind switch
        {
            "Latest" => q.Where(d => d.IsLatest),
            "Published" => q.Where(d => d.IsPublished),
            "LatestOrPublished" => q.Where(d => d.IsLatest || d.IsPublished),
            "LatestAndPublished" => q.Where(d => d.IsLatest && d.IsPublished),
            "Draft" => q.Where(d => !d.IsPublished),
            "AllVersions" => q,
            _ => q.Where(d => d.Version == query.VersionOptions.Version),
        };
        if (query.DefinitionIds is { Count: > 0 } ids) q = q.Where(d => ids.Contains(d.DefinitionId));
        if (!string.IsNullOrWhiteSpace(query.SearchTerm))
        {
            // Definitions are few; a case-insensitive search in memory behaves the same on every provider.
            var term = query.SearchTerm.Trim();
            var matches = (await q.ToListAsync(cancellationToken))
                .Where(d => (d.Name ?? "").Contains(term, StringComparison.OrdinalIgnoreCase) || d.DefinitionId.Contains(term, StringComparison.OrdinalIgnoreCase))
                .Select(d => d.Id).ToList();
            q = q.Where(d => matches.Contains(d.Id));
        }

        var total = await q.CountAsync(cancellationToken);
        q = (query.OrderBy, query.Descending) switch
        {
            ("Version", false) => q.OrderBy(d => d.Version),
            ("Version", true) => q.OrderByDescending(d => d.Version),
            ("CreatedAt" or "Created", false) => q.OrderBy(d => d.Id),
            ("CreatedAt" or "Created", true) => q.OrderByDescending(d => d.Id),
            (_, true) => q.OrderByDescending(d => d.Name).ThenByDescending(d => d.Version),
            _ => q.OrderBy(d => d.Name).ThenBy(d => d.Version),
        };
        if (query.Page is { } page && query.PageSize is { } size) q = q.Skip(page * size).Take(size);
        return ([.. (await q.ToListAsync(cancellationToken)).Select(ToModel)], total);
    }

    public async Task SaveAsync(IReadOnlyList<StoredDefinition> versions, CancellationToken cancellationToken = default)
    {
        var set = db.Set<WorkflowDefinitionRecord>();
        foreach (var version in versions)
        {
            if (version.Revision <= 1)
            {
                set.Add(ToRecord(version, new WorkflowDefinitionRecord { Id = version.Id, DefinitionId = version.DefinitionId, Json = version.Json }));
                continue;
            }

            var record = new WorkflowDefinitionRecord { Id = version.Id, DefinitionId = version.DefinitionId, Json = version.Json, Revision = version.Revision - 1 };
            set.Attach(record);
            ToRecord(version, record);
            // Every column is written: values equal to the attach-time placeholders (the new Json, a false flag)
            // would otherwise not be detected as changes and silently keep their old values.
            db.Entry(record).State = EntityState.Modified;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            db.ChangeTracker.Clear();
            throw new DefinitionConflictException("The definition was changed by someone else; reload and try again.", ex);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public async Task DeleteAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default) =>
        await db.Set<WorkflowDefinitionRecord>().Where(d => ids.Contains(d.Id)).ExecuteDeleteAsync(cancellationToken);

    private static WorkflowDefinitionRecord ToRecord(StoredDefinition v, WorkflowDefinitionRecord r)
    {
        r.Version = v.Version;
        r.Name = v.Name;
        r.Description = v.Description;
        r.IsLatest = v.IsLatest;
        r.IsPublished = v.IsPublished;
        r.CreatedAt = v.CreatedAt;
        r.UpdatedAt = v.UpdatedAt;
        r.Revision = v.Revision;
        r.Json = v.Json;
        return r;
    }

    private static StoredDefinition ToModel(WorkflowDefinitionRecord r) => new()
    {
        Id = r.Id, DefinitionId = r.DefinitionId, Version = r.Version, Name = r.Name, Description = r.Description,
        IsLatest = r.IsLatest, IsPublished = r.IsPublished, CreatedAt = r.CreatedAt, UpdatedAt = r.UpdatedAt,
        Revision = r.Revision, Json = r.Json,
    };
}
