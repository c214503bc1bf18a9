using CareFlow.Benchmarks.Hosting;
using Npgsql;

namespace CareFlow.Benchmarks.Measurement;

/// <summary>
/// Runs one operation traced (SQL with timestamps), then N operations one after another with the EF interceptors
/// counting, and reads pg_stat_database.xact_commit and pg_stat_statements of the counting database around them.
/// </summary>
public static class StatementCounter
{
    public static async Task<CountedResult> RunAsync(PgProbe pg, CountingDatabase? counting, int operations, Func<Task> operation)
    {
        var traced = new SqlTally { Tracing = true };
        await traced.Record(operation);

        var database = counting?.Name;
        var (xactsBefore, callsBefore) = await SettledSnapshotAsync(pg, database, counting?.ConnectionString);
        var tally = new SqlTally();
        for (var i = 0; i < operations; i++) await tally.Record(operation);
        var (xactsAfter, callsAfter) = await SettledSnapshotAsync(pg, database, counting?.ConnectionString);

        var breakdown = callsAfter
            .Select(c => (Query: c.Key, PerOperation: (double)(c.Value - callsBefore.GetValueOrDefault(c.Key)) / operations))
            .Where(c => c.PerOperation > 0)
            .OrderByDescending(c => c.PerOperation)
            .ToList();
        var known = database is not null;
        return new CountedResult(
            operations,
            (double)tally.Commands / operations,
            (double)tally.Statements / operations,
            (double)tally.AutocommitCommands / operations,
            (double)tally.Commits / operations,
            known ? (double)(xactsAfter - xactsBefore) / operations : double.NaN,
            known && pg.HasStatementStats ? breakdown.Sum(b => b.PerOperation) : double.NaN,
            [.. breakdown.Where(b => b.PerOperation >= 0.02)],
            traced.Trace);
    }

    /// <summary>
    /// An idle backend may sit on its transaction counters for up to 10 s (PGSTAT_IDLE_INTERVAL); one that exits
    /// publishes them at once. So the counting database's pooled connections are closed before each read.
    /// </summary>
    private static async Task<(long Xacts, Dictionary<string, long> Calls)> SettledSnapshotAsync(PgProbe pg, string? database, string? connectionString)
    {
        if (database is null || connectionString is null) return (0, []);
        await using (var connection = new NpgsqlConnection(connectionString)) NpgsqlConnection.ClearPool(connection);
        await pg.WaitForNoBackendsAsync(database);
        return (await pg.CommittedTransactionsAsync(database), await pg.StatementCallsAsync(database));
    }
}
