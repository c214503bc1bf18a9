using System.Text.Json.Nodes;
using CareFlow.Core;
using CareFlow.Infrastructure;
using CareFlow.Infrastructure.Persistence;
using CareFlow.Workflows.Definitions;
using CareFlow.Workflows.Management;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.IntegrationTests.Workflows;

/// <summary>
/// The engine's services on a database without a host: nothing runs in the background (no Hangfire server, no
/// recovery), so a test can migrate and publish definitions for CareFlow processes without becoming a node itself.
/// </summary>
public static class EngineServices
{
    /// <summary>Applies the real migrations, then saves and publishes each model; returns the stored versions.</summary>
    public static async Task<IReadOnlyList<StoredDefinition>> PrepareAsync(string connectionString, IEnumerable<JsonObject> models, CancellationToken cancellationToken)
    {
        await using var provider = Build(connectionString);
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CareFlowDbContext>().Database.MigrateAsync(cancellationToken);
        var service = scope.ServiceProvider.GetRequiredService<WorkflowDefinitionService>();
        var saved = new List<StoredDefinition>();
        foreach (var model in models) saved.Add((await service.SaveAsync(model, publish: true, new ValidationOptions(), cancellationToken)).Definition);
        return saved;
    }

    internal static Dictionary<string, string?> Settings(string connectionString, string dataDirectory) => new()
    {
        ["ConnectionStrings:CareFlow"] = connectionString,
        ["CareFlow:DataDirectory"] = dataDirectory,
    };

    private static ServiceProvider Build(string connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(Settings(connectionString, Path.Combine(Path.GetTempPath(), "careflow-engine-services")))
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCareFlowCore();
        services.AddCareFlowInfrastructure(configuration);
        return services.BuildServiceProvider();
    }
}
