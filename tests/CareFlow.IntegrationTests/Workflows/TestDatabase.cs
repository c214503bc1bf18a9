using System.Globalization;
using Npgsql;

namespace CareFlow.IntegrationTests.Workflows;

/// <summary>
/// A fresh, uniquely named PostgreSQL database on the cluster of <see cref="TestEnvironment.Postgres"/> (fails fast,
/// naming CAREFLOW_TEST_POSTGRES, when it is unreachable). Databases of earlier runs with the same prefix are dropped
/// first and this one is kept, so the last run's data stays to inspect after a failure.
/// </summary>
public sealed class TestDatabase
{
    private TestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(string prefix, CancellationToken cancellationToken = default)
    {
        await TestEnvironment.RequirePostgresAsync(cancellationToken);
        var server = new NpgsqlConnectionStringBuilder(TestEnvironment.Postgres) { Pooling = false };
        var stamp = DateTime.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture);
        var name = $"wf_{prefix}_{stamp}_{Guid.NewGuid().ToString("N")[..6]}";
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
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

        var connectionString = new NpgsqlConnectionStringBuilder(TestEnvironment.Postgres) { Database = name }.ConnectionString;
        return new TestDatabase(name, connectionString);
    }

    /// <summary>Runs a query and maps each row.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
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
}
