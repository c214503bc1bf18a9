using System.Text.Json.Nodes;
using CareFlow.Infrastructure.Workflows;
using CareFlow.Workflows.Definitions;
using CareFlow.Workflows.Management;
using CareFlow.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.Benchmarks.Scenarios;

/// <summary>Publishes the bench definitions (fresh ids per run, so a preset database may hold older runs) and sizes the state.</summary>
public static class BenchSetup
{
    public sealed record Definitions(string Ping, string SingleTimer, string BatchTimer, string HourTimer);

    public static async Task<Definitions> PublishDefinitionsAsync(IServiceScopeFactory scopes, TimeSpan delay)
    {
        var run = Guid.CreateVersion7().ToString("N")[^8..];
        var ids = new Definitions($"bench-ping-{run}", $"bench-timer-single-{run}", $"bench-timer-batch-{run}", $"bench-timer-hour-{run}");
        await using var scope = scopes.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<WorkflowDefinitionService>();
        await service.SaveAsync(BenchDefinitions.Ping(ids.Ping), publish: true, new ValidationOptions());
        await service.SaveAsync(BenchDefinitions.Timer(ids.SingleTimer, delay), publish: true, new ValidationOptions());
        await service.SaveAsync(BenchDefinitions.Timer(ids.BatchTimer, delay), publish: true, new ValidationOptions());
        await service.SaveAsync(BenchDefinitions.Timer(ids.HourTimer, TimeSpan.FromHours(1)), publish: true, new ValidationOptions());
        return ids;
    }

    /// <summary>Workflow input (a list of document ids, as a referral would carry) that brings the state to about <paramref name="targetChars"/>.</summary>
    public static JsonObject PaddingFor(WorkflowState unpadded, int targetChars)
    {
        var missing = targetChars - WorkflowStateSerializer.Serialize(unpadded).Length - 40;
        var ids = new JsonArray();
        for (var i = 0; i < missing / 35; i++) ids.Add(Guid.NewGuid().ToString("N"));
        return new JsonObject { ["referral"] = new JsonObject { ["documentIds"] = ids } };
    }
}
