using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CareFlow.Infrastructure.Outbox;

/// <summary>
/// Wakes the dispatcher after a commit that added outbox rows: after SaveChanges when there is no explicit
/// transaction, else when that transaction commits (never before, or the job would not see the rows). A lost wake-up
/// only delays the email until the sweep (<see cref="OutboxRecoveryService"/>).
/// </summary>
public sealed class OutboxCommitInterceptor(IOutboxSignal signal) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, StrongBox<bool>> Pending = [];

    /// <summary>Notes that <paramref name="context"/> holds new outbox rows.</summary>
    public static void MarkPending(DbContext context) => Pending.GetOrCreateValue(context).Value = true;

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        AfterSave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        AfterSave(eventData.Context);
        return result;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Fire(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Fire(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Clear(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Clear(eventData.Context);

    private void AfterSave(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null) Fire(context);
    }

    private void Fire(DbContext? context)
    {
        if (context is null || !Pending.TryGetValue(context, out var flag) || !flag.Value) return;
        flag.Value = false;
        signal.Kick();
    }

    private static void Clear(DbContext? context)
    {
        if (context is not null && Pending.TryGetValue(context, out var flag)) flag.Value = false;
    }
}
