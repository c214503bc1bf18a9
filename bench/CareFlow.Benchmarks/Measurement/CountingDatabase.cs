using CareFlow.Benchmarks.Hosting;
using CareFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace CareFlow.Benchmarks.Measurement;

/// <summary>
/// A second database on the same server, used only by (e): a second CareFlow host (built the same way, never
/// started, so no Hangfire server or recovery loop runs against it) performs the counted operations, and
/// pg_stat_database / pg_stat_statements for that database then contain exactly those operations and nothing else.
/// Autovacuum is off on its tables for the same reason.
/// </summary>
public sealed class CountingDatabase : IAsyncDisposable
{
    private static readonly string[] Tables = ["instances", "bookmarks", "journal", "pending_events", "definitions"];

    private CountingDatabase(string name, string connectionString, IHost host)
    {
        Name = name;
        ConnectionString = connectionString;
        Host = host;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public IHost Host { get; }

    /// <summary>Creates (or re-creates) the database and migrates it; null when the server refuses CREATE DATABASE.</summary>
    public static async Task<CountingDatabase?> CreateAsync(NpgsqlDataSource main, BenchSettings settings, BenchClock clock)
    {
        var builder = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        var name = (builder.Database ?? "careflow") + "_count";
        try
        {
            await using (var drop = main.CreateCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)")) await drop.ExecuteNonQueryAsync();
            await using (var create = main.CreateCommand($"CREATE DATABASE \"{name}\"")) await create.ExecuteNonQueryAsync();
        }
        catch (PostgresException)
        {
            return null;
        }

        builder.Database = name;
        var host = BenchHost.Build(settings with { ConnectionString = builder.ConnectionString }, clock);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CareFlowDbContext>();
            await db.Database.MigrateAsync();
        }

        await using (var counting = NpgsqlDataSource.Create(builder.ConnectionString))
        {
            await using var noVacuum = counting.CreateCommand(string.Concat(
                Tables.Select(t => $"ALTER TABLE workflows.{t} SET (autovacuum_enabled = false);")));
            await noVacuum.ExecuteNonQueryAsync();
        }

        return new CountingDatabase(name, builder.ConnectionString, host);
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is IAsyncDisposable disposable) await disposable.DisposeAsync();
        else Host.Dispose();
    }
}
