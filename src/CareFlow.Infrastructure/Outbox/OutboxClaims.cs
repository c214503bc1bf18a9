using CareFlow.Core.Outbox;
using CareFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareFlow.Infrastructure.Outbox;

/// <summary>
/// Claims due rows in batches with one statement: on PostgreSQL <c>UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP
/// LOCKED) RETURNING *</c>, so concurrent dispatchers (nodes, a Hangfire run next to the in-process pump) take disjoint
/// batches without waiting; on SQLite (one writer) a conditional update tagged with a fresh lock token, then a read.
/// A claimed row is <see cref="OutboxStatus.Sending"/> until its claim expires; an expired claim is due again.
/// </summary>
internal static class OutboxClaims
{
    public static IQueryable<OutboxMessage> Due(CareFlowDbContext db, DateTimeOffset now) => db.Set<OutboxMessage>().Where(m =>
        (m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now) || (m.Status == OutboxStatus.Sending && m.LockedUntil < now));

    public static async Task<List<OutboxMessage>> ClaimAsync(
        CareFlowDbContext db, DateTimeOffset now, DateTimeOffset lockedUntil, Guid token, int take, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            // Table and column names are the snake_case ones of OutboxMessageConfiguration (schema "careflow").
            var rows = await db.Set<OutboxMessage>().FromSqlInterpolated($"""
                UPDATE careflow.outbox_messages AS m
                SET status = 'Sending', locked_until = {lockedUntil}, lock_token = {token}, attempts = m.attempts + 1
                WHERE m.id IN (
                    SELECT d.id FROM careflow.outbox_messages AS d
                    WHERE (d.status = 'Pending' AND d.next_attempt_at <= {now}) OR (d.status = 'Sending' AND d.locked_until < {now})
                    ORDER BY d.next_attempt_at
                    LIMIT {take}
                    FOR UPDATE SKIP LOCKED)
                RETURNING m.*
                """).AsNoTracking().ToListAsync(cancellationToken);
            return [.. rows.OrderBy(r => r.NextAttemptAt)];
        }

        var ids = Due(db, now).OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(take);
        var claimed = await Due(db, now).Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Sending)
            .SetProperty(m => m.LockedUntil, lockedUntil)
            .SetProperty(m => m.LockToken, token)
            .SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
        if (claimed == 0) return [];
        return await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.LockToken == token && m.Status == OutboxStatus.Sending)
            .OrderBy(m => m.NextAttemptAt).ToListAsync(cancellationToken);
    }
}
