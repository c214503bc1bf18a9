using Npgsql;

namespace CareFlow.Benchmarks.Measurement;

/// <summary>Server-side counters and facts, read with plain Npgsql on the bench's own connections.</summary>
public sealed class PgProbe(NpgsqlDataSource db)
{
    /// <summary>Whether pg_stat_statements is loaded (bench/run.sh preloads it; a preset server may not).</summary>
    public bool HasStatementStats { get; private set; }

    public async Task InitialiseAsync()
    {
        try
        {
            await using (var create = db.CreateCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")) await create.ExecuteNonQueryAsync();
            await using var probe = db.CreateCommand("SELECT count(*) FROM pg_stat_statements");
            await probe.ExecuteScalarAsync();
            HasStatementStats = true;
        }
        catch (PostgresException)
        {
            HasStatementStats = false;
        }
    }

    public async Task<int> BackendPidAsync()
    {
        await using var command = db.CreateCommand("SELECT pg_backend_pid()");
        return (int)(await command.ExecuteScalarAsync())!;
    }

    public async Task<string> DescribeServerAsync()
    {
        await using var command = db.CreateCommand(
            "SELECT split_part(version(), ' ', 2), current_setting('fsync'), current_setting('synchronous_commit'), current_setting('shared_buffers'), current_setting('max_connections')");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return $"PostgreSQL {reader.GetString(0)} (fsync={reader.GetString(1)}, synchronous_commit={reader.GetString(2)}, shared_buffers={reader.GetString(3)}, max_connections={reader.GetString(4)})";
    }

    /// <summary>Committed transactions of a database (pg_stat_database.xact_commit).</summary>
    public async Task<long> CommittedTransactionsAsync(string database)
    {
        await using var command = db.CreateCommand("SELECT xact_commit FROM pg_stat_database WHERE datname = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = database });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Waits (up to 5 s) until no backend is connected to a database, so that all have published their counters.</summary>
    public async Task WaitForNoBackendsAsync(string database)
    {
        for (var i = 0; i < 50; i++)
        {
            await using var command = db.CreateCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = $1");
            command.Parameters.Add(new NpgsqlParameter { Value = database });
            if ((long)(await command.ExecuteScalarAsync())! == 0) return;
            await Task.Delay(100);
        }
    }

    /// <summary>Calls per normalised statement in a database, from pg_stat_statements (empty when it is not loaded).</summary>
    public async Task<Dictionary<string, long>> StatementCallsAsync(string database)
    {
        var calls = new Dictionary<string, long>(StringComparer.Ordinal);
        if (!HasStatementStats) return calls;
        await using var command = db.CreateCommand(
            "SELECT query, calls FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = $1)");
        command.Parameters.Add(new NpgsqlParameter { Value = database });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var query = reader.GetString(0);
            calls[query] = calls.GetValueOrDefault(query) + reader.GetInt64(1);
        }

        return calls;
    }

    /// <summary>Length of the state column of the given instances (characters, and bytes as stored after TOAST compression).</summary>
    public async Task<(int Min, int Max, int StoredMax)> StateSizesAsync(IReadOnlyList<string> instanceIds)
    {
        await using var command = db.CreateCommand(
            "SELECT coalesce(min(length(state)), 0), coalesce(max(length(state)), 0), coalesce(max(pg_column_size(state)), 0) FROM workflows.instances WHERE id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = instanceIds.ToArray() });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
    }

    /// <summary>Length of a definition's stored JSON, which every resume reads again.</summary>
    public async Task<int> DefinitionSizeAsync(string definitionId)
    {
        await using var command = db.CreateCommand("SELECT coalesce(max(length(json)), 0) FROM workflows.definitions WHERE definition_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = definitionId });
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
