using Npgsql;

namespace CareFlow.IntegrationTests.Care;

/// <summary>Every server address the care tests use, in one place; each comes from the environment.</summary>
internal static class CareTestEnvironment
{
    public const string PostgresVariable = "CAREFLOW_TEST_POSTGRES";

    /// <summary>A database of its own (careflow_care_test) on the test cluster, so other suites can run alongside.</summary>
    public static string PostgresConnectionString()
    {
        var baseline = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(baseline))
            throw new InvalidOperationException($"{PostgresVariable} is not set: run ./scripts/test.sh, or point it at a PostgreSQL 15 database.");
        return new NpgsqlConnectionStringBuilder(baseline) { Database = "careflow_care_test", Pooling = true }.ConnectionString;
    }

    public static async Task EnsureDatabaseAsync(CancellationToken cancellationToken)
    {
        var admin = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresVariable)!) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = 'careflow_care_test'", connection);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand("CREATE DATABASE careflow_care_test", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
