using System.Text.Json.Nodes;
using CareFlow.Core.Workflows;
using CareFlow.Workflows.Management;
using CareFlow.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.Benchmarks.Scenarios;

/// <summary>
/// (b) and (c): the engine through <see cref="IWorkflowRuntime"/>, one DI scope per operation as one HTTP request
/// would have. Each client owns two pools of waiting instances, one resumed by bookmark id and one by event, so clients
/// never race for the same instance (as in the raw step) and the two kinds of resume can be interleaved.
/// </summary>
public sealed class EngineScenario(IServiceScopeFactory scopes, string definitionId, int maxClients)
{
    private const int PoolPerClient = 16;
    private readonly List<Waiting>[] _resumePools = [.. Enumerable.Range(0, maxClients).Select(_ => new List<Waiting>())];
    private readonly List<Waiting>[] _triggerPools = [.. Enumerable.Range(0, maxClients).Select(_ => new List<Waiting>())];
    private readonly int[] _nextResume = new int[maxClients];
    private readonly int[] _nextTrigger = new int[maxClients];

    /// <summary>Workflow input stored in every instance's state; sized so that the state is about as big as the raw step's.</summary>
    public JsonObject StartInput { get; set; } = [];

    /// <summary>Fills every client's pools (this also warms the start path up).</summary>
    public async Task PrepareAsync() =>
        await Task.WhenAll(Enumerable.Range(0, maxClients).Select(client => Task.Run(async () =>
        {
            for (var i = 0; i < 2 * PoolPerClient; i++)
            {
                var state = await StartAsync(client);
                var pool = i % 2 == 0 ? _resumePools[client] : _triggerPools[client];
                pool.Add(new Waiting(state.Id, state.CorrelationId!) { BookmarkId = state.Bookmarks[0].Id });
            }
        })));

    public async Task<WorkflowState> StartAsync(int client)
    {
        await using var scope = scopes.CreateAsyncScope();
        var runtime = scope.ServiceProvider.GetRequiredService<IWorkflowRuntime>();
        var correlationId = $"bench-{client}-{Guid.CreateVersion7():N}";
        var state = await runtime.StartAsync(definitionId, VersionOptions.Published,
            new StartWorkflowRequest { CorrelationId = correlationId, Input = StartInput.DeepClone().AsObject() })
            ?? throw new InvalidOperationException($"Definition {definitionId} is not published.");
        if (state.SubStatus != WorkflowSubStatus.Suspended || state.Bookmarks.Count != 1)
        {
            throw new InvalidOperationException($"Instance {state.Id} is {state.SubStatus} with {state.Bookmarks.Count} bookmarks; expected one ping bookmark.");
        }

        return state;
    }

    /// <summary>Resumes the client's next instance by bookmark id (as a Hangfire job or a task completion does).</summary>
    public async Task<WorkflowState> ResumeAsync(int client)
    {
        var waiting = Next(_resumePools[client], _nextResume, client);
        await using var scope = scopes.CreateAsyncScope();
        var runtime = scope.ServiceProvider.GetRequiredService<IWorkflowRuntime>();
        var outcome = await runtime.ResumeAsync(waiting.InstanceId, waiting.BookmarkId, new JsonObject { ["answer"] = "pong" });
        if (outcome.Status != ResumeStatus.Resumed || outcome.State is not { Bookmarks: [var next] })
        {
            throw new InvalidOperationException($"Resume of {waiting.InstanceId} returned {outcome.Status}.");
        }

        waiting.BookmarkId = next.Id;
        return outcome.State;
    }

    /// <summary>Publishes "ping" with the client's next instance's correlation id (as POST /elsa/api/events/ping/trigger does).</summary>
    public async Task TriggerAsync(int client)
    {
        var waiting = Next(_triggerPools[client], _nextTrigger, client);
        await using var scope = scopes.CreateAsyncScope();
        var runtime = scope.ServiceProvider.GetRequiredService<IWorkflowRuntime>();
        var resumed = await runtime.TriggerEventAsync(new EventStimulus(BenchDefinitions.PingEvent, waiting.CorrelationId, null, new JsonObject { ["answer"] = "pong" }));
        if (resumed != 1) throw new InvalidOperationException($"Event ping for {waiting.CorrelationId} resumed {resumed} bookmarks.");
    }

    /// <summary>Instances the clients hold (to report state sizes).</summary>
    public IEnumerable<string> InstanceIds => _resumePools.Concat(_triggerPools).SelectMany(p => p).Select(w => w.InstanceId);

    private static Waiting Next(List<Waiting> pool, int[] next, int client) =>
        pool.Count == 0
            ? throw new InvalidOperationException($"Client {client} has no waiting instance; call PrepareAsync first.")
            : pool[next[client]++ % pool.Count];

    private sealed record Waiting(string InstanceId, string CorrelationId)
    {
        public required string BookmarkId { get; set; }
    }
}
