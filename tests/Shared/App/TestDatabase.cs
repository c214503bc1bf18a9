using System.Globalization;
using Npgsql;

namespace CareFlow.Testing;

/// <summary>
/// A PostgreSQL database on the cluster of <see cref="TestEnvironment.Postgres"/> (fails fast, naming
/// CAREFLOW_TEST_POSTGRES, when it is unreachable), in one of three lifetimes: fresh and dropped on dispose
/// (<see cref="CreateAsync"/>), fresh and kept for inspection after the run (<see cref="CreateKeptAsync"/>), or one
/// named database shared by a whole suite (<see cref="OpenNamedAsync"/>).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly bool _dropOnDispose;

    private TestDatabase(string name, string connectionString, bool dropOnDispose)
    {
        Name = name;
        ConnectionString = connectionString;
        _dropOnDispose = dropOnDispose;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>A fresh, uniquely named database, dropped on dispose, so reruns never see an earlier run's schema.</summary>
    public static async Task<TestDatabase> CreateAsync(string purpose, CancellationToken cancellationToken)
    {
        await TestEnvironment.RequirePostgresAsync(cancellationToken);
        var name = string.Create(CultureInfo.InvariantCulture, $"careflow_it_{purpose}_{DateTime.UtcNow:yyyyMMddHHmmss}_{Guid.NewGuid():N}")[..63];
        await ExecuteAsync($"CREATE DATABASE \"{name}\"", cancellationToken);
        return new TestDatabase(name, ConnectionStringFor(name, pooling: null), dropOnDispose: true);
    }

    /// <summary>
    /// A fresh database named after <paramref name="prefix"/>; databases of earlier runs with the same prefix are dropped
    /// first and this one is kept, so the last run's data stays to inspect after a failure.
    /// </summary>
    public static async Task<TestDatabase> CreateKeptAsync(string prefix, CancellationToken cancellationToken = default)
    {
        await TestEnvironment.RequirePostgresAsync(cancellationToken);
        var stamp = DateTime.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture);
        var name = $"wf_{prefix}_{stamp}_{Guid.NewGuid().ToString("N")[..6]}";
        await using (var connection = new NpgsqlConnection(ServerConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            var old = new List<string>();
            await using (var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE @p", connection))
            {
                list.Parameters.AddWithValue("p", $"wf\\_{prefix}\\_%");
                await using var reader = await list.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken)) old.Add(reader.GetString(0));
            }

            foreach (var stale in old)
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{stale}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        return new TestDatabase(name, ConnectionStringFor(name, pooling: null), dropOnDispose: false);
    }

    /// <summary>The database <paramref name="name"/>, created when missing and kept; one suite uses it, beside the others' fresh ones.</summary>
    public static async Task<TestDatabase> OpenNamedAsync(string name, CancellationToken cancellationToken)
    {
        await TestEnvironment.RequirePostgresAsync(cancellationToken);
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", name);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        return new TestDatabase(name, ConnectionStringFor(name, pooling: true), dropOnDispose: false);
    }

    /// <summary>Runs a query and maps each row.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(map);
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (parameterName, value) in parameters) command.Parameters.AddWithValue(parameterName, value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken)) rows.Add(map(reader));
        return rows;
    }

    public async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters) =>
        (await QueryAsync(sql, r => Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), cancellationToken, parameters)).Single();

    /// <summary>Drops a database made by <see cref="CreateAsync"/>; a kept or named one stays.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_dropOnDispose) return;
        // Only this database's pool: other tests run in parallel on their own databases.
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", CancellationToken.None);
    }

    private static string ServerConnectionString => new NpgsqlConnectionStringBuilder(TestEnvironment.Postgres) { Pooling = false }.ConnectionString;

    private static string ConnectionStringFor(string name, bool? pooling)
    {
        var builder = new NpgsqlConnectionStringBuilder(TestEnvironment.Postgres) { Database = name };
        if (pooling is { } on) builder.Pooling = on;
        return builder.ConnectionString;
    }

    private static async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.Postgres);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
