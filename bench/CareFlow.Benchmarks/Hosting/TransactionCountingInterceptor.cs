using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CareFlow.Benchmarks.Hosting;

/// <summary>Feeds explicit commits and rollbacks to the active <see cref="SqlTally"/>.</summary>
public sealed class TransactionCountingInterceptor : DbTransactionInterceptor
{
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => SqlTally.Active?.OnCommit();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        SqlTally.Active?.OnCommit();
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => SqlTally.Active?.OnRollback();

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        SqlTally.Active?.OnRollback();
        return Task.CompletedTask;
    }
}
