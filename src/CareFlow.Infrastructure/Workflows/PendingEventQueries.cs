using CareFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareFlow.Infrastructure.Workflows;

/// <summary>Counts of unmatched events still kept, for capping each source's share of the queue.</summary>
public sealed class PendingEventQueries(CareFlowDbContext db, TimeProvider time)
{
    /// <summary>Unexpired pending events sent by <paramref name="source"/>.</summary>
    public Task<int> CountFromAsync(string source, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return db.Set<PendingEventRecord>().AsNoTracking().CountAsync(e => e.Source == source && e.ExpiresAt > now, cancellationToken);
    }

    /// <summary>Unexpired pending events from every source.</summary>
    public Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return db.Set<PendingEventRecord>().AsNoTracking().CountAsync(e => e.ExpiresAt > now, cancellationToken);
    }
}
