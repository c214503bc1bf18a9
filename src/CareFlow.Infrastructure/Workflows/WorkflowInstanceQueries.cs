using CareFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareFlow.Infrastructure.Workflows;

/// <summary>Read-side queries over instances and their journal, for the runtime API and the UI.</summary>
public sealed class WorkflowInstanceQueries(CareFlowDbContext db)
{
    public Task<WorkflowInstanceRecord?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        db.Set<WorkflowInstanceRecord>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

    public async Task<(IReadOnlyList<WorkflowInstanceRecord> Items, int TotalCount)> ListAsync(InstanceFilter filter, CancellationToken cancellationToken = default)
    {
        var q = db.Set<WorkflowInstanceRecord>().AsNoTracking();
        if (filter.DefinitionIds is { Count: > 0 } ids) q = q.Where(i => ids.Contains(i.DefinitionId));
        if (filter.CorrelationId is { } correlationId) q = q.Where(i => i.CorrelationId == correlationId);
        if (filter.Statuses is { Count: > 0 } statuses) q = q.Where(i => statuses.Contains(i.Status));
        if (filter.SubStatuses is { Count: > 0 } subStatuses) q = q.Where(i => subStatuses.Contains(i.SubStatus));
        if (filter.HasIncidents is { } hasIncidents) q = q.Where(i => (i.IncidentCount > 0) == hasIncidents);
        if (filter.Version is { } version) q = q.Where(i => i.Version == version);
        if (!string.IsNullOrWhiteSpace(filter.SearchTerm))
        {
            var term = filter.SearchTerm.Trim();
            q = q.Where(i => i.Id == term || i.DefinitionId == term || i.CorrelationId == term || i.Name == term);
        }

        var total = await q.CountAsync(cancellationToken);
        // Ids are time-ordered (UUIDv7), so ordering by id is ordering by creation on every provider.
        q = filter.Ascending ? q.OrderBy(i => i.Id) : q.OrderByDescending(i => i.Id);
        if (filter.Page is { } page && filter.PageSize is { } size) q = q.Skip(page * size).Take(size);
        return (await q.ToListAsync(cancellationToken), total);
    }

    /// <summary>The newest instances (by id, UUIDv7), all when <paramref name="correlationIds"/> is null, else only those correlated to one of them (none for an empty list).</summary>
    public async Task<IReadOnlyList<WorkflowInstanceRecord>> ListForCorrelationsAsync(IReadOnlyCollection<string>? correlationIds, int take, CancellationToken cancellationToken = default)
    {
        var q = db.Set<WorkflowInstanceRecord>().AsNoTracking();
        if (correlationIds is not null) q = q.Where(i => i.CorrelationId != null && correlationIds.Contains(i.CorrelationId));
        return await q.OrderByDescending(i => i.Id).Take(take).ToListAsync(cancellationToken);
    }

    public async Task<(IReadOnlyList<JournalRecord> Items, int TotalCount)> JournalAsync(string instanceId, int skip, int take, IReadOnlyCollection<string>? activityIds, CancellationToken cancellationToken = default)
    {
        var q = db.Set<JournalRecord>().AsNoTracking().Where(j => j.InstanceId == instanceId);
        if (activityIds is { Count: > 0 }) q = q.Where(j => activityIds.Contains(j.ActivityId));
        var total = await q.CountAsync(cancellationToken);
        return (await q.OrderBy(j => j.Sequence).Skip(skip).Take(take).ToListAsync(cancellationToken), total);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<BookmarkRecord>().Where(b => b.InstanceId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Set<JournalRecord>().Where(j => j.InstanceId == id).ExecuteDeleteAsync(cancellationToken);
        var deleted = await db.Set<WorkflowInstanceRecord>().Where(i => i.Id == id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted > 0;
    }
}
