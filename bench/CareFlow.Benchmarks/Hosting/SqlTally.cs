using System.Diagnostics;

namespace CareFlow.Benchmarks.Hosting;

/// <summary>
/// What EF sent on behalf of the operations run inside <see cref="Record"/>: commands (round trips), SQL statements
/// in them, commands outside a transaction (each one its own implicit transaction) and explicit commits.
/// Flows with the async context, so the engine's background services are not counted.
/// </summary>
public sealed class SqlTally
{
    private static readonly AsyncLocal<SqlTally?> Current = new();
    private readonly Lock _traceLock = new();
    private long _commands;
    private long _statements;
    private long _autocommitCommands;
    private long _commits;
    private long _rollbacks;
    private long _traceStart;

    public long Commands => Interlocked.Read(ref _commands);

    public long Statements => Interlocked.Read(ref _statements);

    public long AutocommitCommands => Interlocked.Read(ref _autocommitCommands);

    public long Commits => Interlocked.Read(ref _commits);

    public long Rollbacks => Interlocked.Read(ref _rollbacks);

    /// <summary>The SQL of the traced operation, in order; "COMMIT" marks each explicit commit.</summary>
    public List<string> Trace { get; } = [];

    public bool Tracing { get; set; }

    internal static SqlTally? Active => Current.Value;

    /// <summary>Counts what <paramref name="operation"/> sends, then stops counting.</summary>
    public async Task Record(Func<Task> operation)
    {
        var previous = Current.Value;
        Current.Value = this;
        _traceStart = Stopwatch.GetTimestamp();
        try
        {
            await operation();
        }
        finally
        {
            Current.Value = previous;
            AddTrace("  done");
        }
    }

    internal void OnCommand(string sql, bool inTransaction)
    {
        Interlocked.Increment(ref _commands);
        Interlocked.Add(ref _statements, CountStatements(sql));
        if (!inTransaction) Interlocked.Increment(ref _autocommitCommands);
        if (!Tracing) return;
        var statements = CountStatements(sql);
        AddTrace((inTransaction ? "  in tx  " : "  auto   ") + (statements == 1 ? "" : $"[{statements} statements] ") + OneLine(sql));
    }

    internal void OnCommit()
    {
        Interlocked.Increment(ref _commits);
        AddTrace("  in tx  COMMIT");
    }

    private void AddTrace(string line)
    {
        if (!Tracing) return;
        var at = Stopwatch.GetElapsedTime(_traceStart).TotalMilliseconds;
        lock (_traceLock) Trace.Add($"{at,7:0.0} ms {line}");
    }

    internal void OnRollback() => Interlocked.Increment(ref _rollbacks);

    /// <summary>Statements in a command: EF batches several, separated by semicolons (outside quotes).</summary>
    public static int CountStatements(string sql)
    {
        var count = 0;
        var pending = false;
        var quote = '\0';
        foreach (var c in sql)
        {
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                continue;
            }

            if (c is '\'' or '"') quote = c;
            if (c == ';')
            {
                if (pending) count++;
                pending = false;
            }
            else if (!char.IsWhiteSpace(c))
            {
                pending = true;
            }
        }

        return pending ? count + 1 : count;
    }

    private static string OneLine(string sql)
    {
        var flat = string.Join(' ', sql.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 150 ? flat : flat[..147] + "...";
    }
}
