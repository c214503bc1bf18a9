using System.Diagnostics;
using CareFlow.Infrastructure.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CareFlow.Infrastructure.Persistence;

/// <summary>
/// Creates the data folder and applies EF migrations in <see cref="StartingAsync"/>, which the host runs before any
/// hosted service starts: Kestrel does not listen and Hangfire does not fetch jobs until the schema is current.
/// </summary>
internal sealed class DatabaseMigrator(
    IServiceScopeFactory scopeFactory,
    InfrastructureSettings settings,
    ILogger<DatabaseMigrator> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var provider = await MigrateAsync(scopeFactory, settings, cancellationToken);
        var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        logger.LogInformation("Database ({Provider}) migrated in {ElapsedMs} ms", provider, elapsedMs);
    }

    /// <summary>Creates the data folders the embedded default needs and applies every pending migration; returns the provider name.</summary>
    internal static async Task<string> MigrateAsync(IServiceScopeFactory scopeFactory, InfrastructureSettings settings, CancellationToken cancellationToken)
    {
        if (!settings.UsesPostgres || !settings.UsesSmtp)
        {
            Directory.CreateDirectory(settings.Paths.Root);
        }

        if (!settings.UsesSmtp)
        {
            Directory.CreateDirectory(settings.Paths.Outbox);
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CareFlowDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (!settings.UsesPostgres)
        {
            // WAL lets the UI read while a job writes; the setting is stored in the database file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        return db.ProviderName;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Migration outside the web host, for one-off commands such as <c>create-admin</c>.</summary>
public static class CareFlowDatabase
{
    /// <summary>Applies pending migrations to the configured database (as the host does at start-up); returns the provider name.</summary>
    public static Task<string> MigrateAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        DatabaseMigrator.MigrateAsync(
            services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<InfrastructureSettings>(), cancellationToken);
}
