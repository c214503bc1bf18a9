using System.Text.Json.Nodes;
using CareFlow.Core;
using CareFlow.Core.Workflows;
using CareFlow.Infrastructure;
using CareFlow.Infrastructure.Workflows;
using CareFlow.Workflows.Definitions;
using CareFlow.Workflows.Management;
using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CareFlow.IntegrationTests.Workflows;

/// <summary>
/// CareFlow's engine in this process, as the web host wires it (AddCareFlowCore + AddCareFlowInfrastructure on
/// PostgreSQL): migrations, Hangfire with PostgreSQL storage and a real BackgroundJobServer, timer recovery.
/// </summary>
public sealed class EngineHost : IAsyncDisposable
{
    // Hangfire keeps its storage and job activator in statics and hands them to each container when the container
    // first resolves them; hosts on different databases must be built one at a time or they swap storages.
    private static readonly SemaphoreSlim HangfireStatics = new(1, 1);
    private readonly IHost _host;

    private EngineHost(IHost host, TestDatabase database)
    {
        _host = host;
        Database = database;
    }

    public TestDatabase Database { get; }

    public IServiceProvider Services => _host.Services;

    /// <summary>Starts a host on a fresh database.</summary>
    /// <param name="prefix">Database name prefix (one per test class).</param>
    /// <param name="clock">A clock to inject instead of the system clock.</param>
    /// <param name="recovery">False leaves out WorkflowRecoveryService (timer re-arming and the pending-event sweep).</param>
    /// <param name="configure">Last changes to the services (a decorated timer scheduler, say).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<EngineHost> StartAsync(string prefix, TimeProvider? clock = null, bool recovery = true, Action<IServiceCollection>? configure = null, CancellationToken cancellationToken = default)
    {
        var database = await TestDatabase.CreateKeptAsync(prefix, cancellationToken);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(EngineServices.Settings(database.ConnectionString, Path.Combine(Path.GetTempPath(), database.Name)));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        if (clock is not null) builder.Services.AddSingleton(clock);
        builder.Services.AddCareFlowCore();
        builder.Services.AddCareFlowInfrastructure(builder.Configuration);
        if (!recovery)
        {
            var descriptor = builder.Services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(WorkflowRecoveryService));
            builder.Services.Remove(descriptor);
        }

        configure?.Invoke(builder.Services);
        var host = builder.Build();
        await HangfireStatics.WaitAsync(cancellationToken);
        try
        {
            _ = host.Services.GetRequiredService<IGlobalConfiguration>();
            var storage = host.Services.GetRequiredService<JobStorage>();
            _ = host.Services.GetRequiredService<JobActivator>();
            _ = host.Services.GetRequiredService<IBackgroundJobClient>();

            // A host outside this gate (a WebApplicationFactory of another test class) can still swap the statics.
            if (storage.ToString()?.Contains($"DB: {database.Name},", StringComparison.Ordinal) != true)
            {
                throw new InvalidOperationException($"Hangfire storage of another host was picked up ({storage}); run again.");
            }

            await host.StartAsync(cancellationToken);
        }
        finally
        {
            HangfireStatics.Release();
        }

        return new EngineHost(host, database);
    }

    /// <summary>Saves and publishes a definition through the engine's definition service.</summary>
    public async Task<StoredDefinition> PublishAsync(JsonObject model, CancellationToken cancellationToken)
    {
        await using var scope = Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<WorkflowDefinitionService>();
        return (await service.SaveAsync(model, publish: true, new ValidationOptions(), cancellationToken)).Definition;
    }

    /// <summary>Runs <paramref name="action"/> with a runtime of its own scope (its own DbContext), as a request would.</summary>
    public async Task<T> WithRuntimeAsync<T>(Func<IWorkflowRuntime, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<IWorkflowRuntime>());
    }

    /// <summary>Like <see cref="WithRuntimeAsync{T}"/> with the concrete runtime (for the pending-event sweep).</summary>
    public async Task<T> WithEfRuntimeAsync<T>(Func<EfWorkflowRuntime, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<EfWorkflowRuntime>());
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(CancellationToken.None);
        }
        finally
        {
            _host.Dispose();
        }
    }
}
