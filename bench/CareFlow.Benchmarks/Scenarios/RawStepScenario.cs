using System.Text;
using Npgsql;

namespace CareFlow.Benchmarks.Scenarios;

/// <summary>
/// (a) The raw ceiling: one workflow step in plain Npgsql, no EF and no engine. In one transaction: lock the instance
/// row (SELECT … FOR UPDATE), upsert ~4 KB of state, delete the old bookmark, insert the new one, append a journal
/// row, commit. One statement per round trip, unprepared, as EF sends them. The tables in schema bench_raw have the
/// columns and indexes of CareFlow's workflows tables, so the comparison isolates the engine and EF, not the schema.
/// </summary>
public sealed class RawStepScenario(NpgsqlDataSource db)
{
    private const int InstancesPerClient = 64;
    private const int StateBytes = 4096;
    private Client[] _clients = [];

    public static int StateSize => StateBytes;

    public async Task SetupAsync(int maxClients)
    {
        await using (var command = db.CreateCommand(Schema)) await command.ExecuteNonQueryAsync();
        _clients = new Client[maxClients];
        for (var c = 0; c < maxClients; c++)
        {
            var client = _clients[c] = new Client(c, StateJson());
            for (var i = 0; i < InstancesPerClient; i++)
            {
                await using var seed = db.CreateBatch();
                seed.BatchCommands.Add(BatchCommand(
                    "INSERT INTO bench_raw.instances (id, definition_id, definition_version_id, version, status, sub_status, correlation_id, name, incident_count, created_at, updated_at, row_version, state) " +
                    "VALUES ($1, 'raw', 'raw-v1', 1, 'Running', 'Suspended', $1, 'raw', 0, now(), now(), 1, $2)",
                    client.InstanceId(i), client.State));
                seed.BatchCommands.Add(BatchCommand(
                    "INSERT INTO bench_raw.bookmarks (id, instance_id, name, hash, activity_id, activity_instance_id, correlation_id, created_at) " +
                    "VALUES ($1, $2, 'Elsa.Event', 'ping-hash', 'ping', $1, $2, now())",
                    client.Bookmarks[i], client.InstanceId(i)));
                await seed.ExecuteNonQueryAsync();
            }
        }
    }

    /// <summary>One step on the client's next instance (each client owns its instances, so clients never wait on each other's locks).</summary>
    public async Task StepAsync(int client)
    {
        var me = _clients[client];
        var slot = me.Next++ % InstancesPerClient;
        var instanceId = me.InstanceId(slot);
        var newBookmark = Guid.CreateVersion7().ToString("N");
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        long rowVersion;
        await using (var lockRow = Command(connection, transaction, "SELECT row_version FROM bench_raw.instances WHERE id = $1 FOR UPDATE", instanceId))
        {
            rowVersion = (long)(await lockRow.ExecuteScalarAsync() ?? throw new InvalidOperationException($"Instance {instanceId} is missing."));
        }

        await using (var upsert = Command(connection, transaction,
            "INSERT INTO bench_raw.instances (id, definition_id, definition_version_id, version, status, sub_status, correlation_id, name, incident_count, created_at, updated_at, row_version, state) " +
            "VALUES ($1, 'raw', 'raw-v1', 1, 'Running', 'Suspended', $1, 'raw', 0, now(), now(), $2, $3) " +
            "ON CONFLICT (id) DO UPDATE SET sub_status = excluded.sub_status, updated_at = excluded.updated_at, row_version = excluded.row_version, state = excluded.state",
            instanceId, rowVersion + 1, me.NextState(rowVersion + 1)))
        {
            await upsert.ExecuteNonQueryAsync();
        }

        await using (var delete = Command(connection, transaction, "DELETE FROM bench_raw.bookmarks WHERE id = $1", me.Bookmarks[slot]))
        {
            if (await delete.ExecuteNonQueryAsync() != 1) throw new InvalidOperationException($"Bookmark {me.Bookmarks[slot]} was not open.");
        }

        await using (var insert = Command(connection, transaction,
            "INSERT INTO bench_raw.bookmarks (id, instance_id, name, hash, activity_id, activity_instance_id, correlation_id, created_at) VALUES ($1, $2, 'Elsa.Event', 'ping-hash', 'ping', $1, $2, now())",
            newBookmark, instanceId))
        {
            await insert.ExecuteNonQueryAsync();
        }

        await using (var journal = Command(connection, transaction,
            "INSERT INTO bench_raw.journal (id, instance_id, sequence, activity_instance_id, activity_id, activity_type, node_id, event_name, timestamp) VALUES ($1, $2, $3, $4, 'ping', 'Elsa.Event', 'Workflow1:ping', 'Resumed', now())",
            Guid.CreateVersion7().ToString("N"), instanceId, rowVersion + 1, me.Bookmarks[slot]))
        {
            await journal.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        me.Bookmarks[slot] = newBookmark;
    }

    private static NpgsqlBatchCommand BatchCommand(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, params object[] values)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }

    /// <summary>JSON about the size of an instance state, made of ids like CareFlow's, so TOAST compresses it as it would.</summary>
    private static string StateJson()
    {
        var json = new StringBuilder("{\"variables\":{", StateBytes + 64);
        for (var i = 0; json.Length < StateBytes - 2; i++)
        {
            json.Append(i == 0 ? "" : ",").Append("\"v").Append(i).Append("\":\"").Append(Guid.NewGuid().ToString("N")).Append('"');
        }

        return json.Append("}}").ToString();
    }

    private const string Schema = """
        DROP SCHEMA IF EXISTS bench_raw CASCADE;
        CREATE SCHEMA bench_raw;
        CREATE TABLE bench_raw.instances (
            id text PRIMARY KEY, definition_id text NOT NULL, definition_version_id text NOT NULL, version integer NOT NULL,
            status text NOT NULL, sub_status text NOT NULL, correlation_id text, name text, incident_count integer NOT NULL,
            created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL, finished_at timestamptz, row_version bigint NOT NULL, state text NOT NULL);
        CREATE INDEX ON bench_raw.instances (correlation_id);
        CREATE INDEX ON bench_raw.instances (definition_id, created_at);
        CREATE INDEX ON bench_raw.instances (sub_status, created_at);
        CREATE TABLE bench_raw.bookmarks (
            id text PRIMARY KEY, instance_id text NOT NULL, name text NOT NULL, hash text NOT NULL, activity_id text NOT NULL,
            activity_instance_id text NOT NULL, correlation_id text, resume_at timestamptz, created_at timestamptz NOT NULL);
        CREATE INDEX ON bench_raw.bookmarks (hash);
        CREATE INDEX ON bench_raw.bookmarks (instance_id);
        CREATE INDEX ON bench_raw.bookmarks (resume_at);
        CREATE TABLE bench_raw.journal (
            id text PRIMARY KEY, instance_id text NOT NULL, sequence bigint NOT NULL, activity_instance_id text, activity_id text NOT NULL,
            activity_type text NOT NULL, activity_name text, node_id text NOT NULL, event_name text NOT NULL, message text,
            timestamp timestamptz NOT NULL, payload text);
        CREATE UNIQUE INDEX ON bench_raw.journal (instance_id, sequence);
        """;

    private sealed class Client(int index, string state)
    {
        public string State { get; } = state;

        /// <summary>A different value each step, as a real burst writes, so PostgreSQL cannot keep the old TOAST value.</summary>
        public string NextState(long version) => $"{{\"seq\":{version},{State[1..]}";

        public string[] Bookmarks { get; } = [.. Enumerable.Range(0, InstancesPerClient).Select(_ => Guid.CreateVersion7().ToString("N"))];

        public int Next { get; set; }

        public string InstanceId(int slot) => $"raw-{index}-{slot}";
    }
}
