using System.Text.Json.Nodes;
using CareFlow.Benchmarks.Measurement;
using CareFlow.Core.Workflows;
using CareFlow.Infrastructure.Persistence;
using CareFlow.Infrastructure.Workflows;
using CareFlow.Workflows.Management;
using CareFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CareFlow.Benchmarks.Scenarios;

/// <summary>
/// Where the app's CPU goes in one resume, each part timed alone, one client, by this process's CPU time over many
/// calls (so GC and Hangfire's background polling are included, as they are in the throughput rows).
/// </summary>
public static class CpuBreakdown
{
    public sealed record Part(string What, double MicrosecondsPerCall);

    public static async Task<IReadOnlyList<Part>> RunAsync(IServiceScopeFactory scopes, NpgsqlDataSource db, string definitionId, JsonObject startInput,
        Func<int, Task> rawStep, Func<int, Task> resume, int iterations)
    {
        await using var scope = scopes.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<WorkflowDefinitionService>().GetAsync(definitionId, VersionOptions.Published)
            ?? throw new InvalidOperationException($"Definition {definitionId} is not published.");
        var definition = WorkflowDefinitionService.Materialize(stored);
        var runner = scope.ServiceProvider.GetRequiredService<WorkflowRunner>();
        var started = await runner.StartAsync(definition, new StartWorkflowRequest { Input = startInput.DeepClone().AsObject() });
        var json = WorkflowStateSerializer.Serialize(started.State);
        var instanceId = (await scopes.CreateAsyncScope().ServiceProvider.GetRequiredService<IWorkflowRuntime>()
            .StartAsync(definitionId, VersionOptions.Published, new StartWorkflowRequest()))!.Id;

        return
        [
            await MeasureAsync("raw Npgsql step (a), whole", iterations, () => rawStep(0)),
            await MeasureAsync("ResumeAsync (c), whole", iterations, () => resume(0)),
            await MeasureAsync("  state JSON: deserialize + serialize", iterations, () =>
            {
                _ = WorkflowStateSerializer.Serialize(WorkflowStateSerializer.Deserialize(json));
                return Task.CompletedTask;
            }),
            await MeasureAsync("  burst in memory: deserialize, WorkflowRunner.ResumeAsync, serialize", iterations, async () =>
            {
                var state = WorkflowStateSerializer.Deserialize(json);
                var result = await runner.ResumeAsync(definition, state, state.Bookmarks[0].Id, new JsonObject { ["answer"] = "pong" });
                _ = WorkflowStateSerializer.Serialize(result.State);
            }),
            await MeasureAsync("  DI scope + IWorkflowRuntime (EfWorkflowRuntime, DbContext, runner)", iterations, async () =>
            {
                await using var s = scopes.CreateAsyncScope();
                _ = s.ServiceProvider.GetRequiredService<IWorkflowRuntime>();
            }),
            await MeasureAsync("  EF: SELECT one instance by id (new scope, AsNoTracking)", iterations, async () =>
            {
                await using var s = scopes.CreateAsyncScope();
                _ = await s.ServiceProvider.GetRequiredService<CareFlowDbContext>().Set<WorkflowInstanceRecord>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId);
            }),
            await MeasureAsync("  Npgsql: the same SELECT, raw", iterations, async () =>
            {
                await using var command = db.CreateCommand("SELECT * FROM workflows.instances WHERE id = $1");
                command.Parameters.Add(new NpgsqlParameter { Value = instanceId });
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync()) _ = reader.GetString(reader.GetOrdinal("state"));
            }),
        ];
    }

    private static async Task<Part> MeasureAsync(string what, int iterations, Func<Task> call)
    {
        for (var i = 0; i < iterations / 10; i++) await call();
        var before = CpuClock.ProcessMs();
        for (var i = 0; i < iterations; i++) await call();
        return new Part(what, (CpuClock.ProcessMs() - before) * 1000 / iterations);
    }
}
