using System.Globalization;
using Npgsql;

namespace CareFlow.IntegrationTests;

/// <summary>A fresh, uniquely named database on the test server, so reruns never see an earlier run's schema.</summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private PostgresDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<PostgresDatabase> CreateAsync(string purpose, CancellationToken cancellationToken)
    {
        await TestEnvironment.RequirePostgresAsync(cancellationToken);
        var name = string.Create(CultureInfo.InvariantCulture, $"careflow_it_{purpose}_{DateTime.UtcNow:yyyyMMddHHmmss}_{Guid.NewGuid():N}")[..63];
        await ExecuteAsync($"CREATE DATABASE \"{name}\"", cancellationToken);
        var connectionString = new NpgsqlConnectionStringBuilder(TestEnvironment.Postgres) { Database = name }.ConnectionString;
        return new PostgresDatabase(name, connectionString);
    }

    public async ValueTask DisposeAsync()
    {
        // Only this database's pool: other tests run in parallel on their own databases.
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", CancellationToken.None);
    }

    private static async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.Postgres);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
