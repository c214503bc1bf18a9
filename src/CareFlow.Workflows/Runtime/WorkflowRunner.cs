using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using CareFlow.Workflows.Definitions;
using CareFlow.Workflows.Expressions;

namespace CareFlow.Workflows.Runtime;

/// <summary>
/// Runs bursts of a workflow instance in memory: start, resume a bookmark, retry after a fault, cancel.
/// It does no I/O of its own; the caller persists the <see cref="BurstResult"/> in one transaction.
/// </summary>
public sealed class WorkflowRunner(WorkflowRuntimeServices runtime)
{
    private static readonly ConditionalWeakTable<WorkflowDefinition, ConcurrentDictionary<string, FlowGraph>> Graphs = [];

    /// <summary>Starts a new instance and runs it until it finishes, suspends or faults.</summary>
    public async Task<BurstResult> StartAsync(WorkflowDefinition definition, StartWorkflowRequest request, CancellationToken cancellationToken = default)
    {
        var now = runtime.Time.GetUtcNow();
        var startId = StartActivity.Choose(definition.Root, request.TriggerActivityId);
        var state = new WorkflowState
        {
            Id = request.InstanceId ?? WorkflowExecution.NewId(),
            DefinitionId = definition.DefinitionId,
            DefinitionVersionId = definition.Id,
            DefinitionVersion = definition.Version,
            ParentWorkflowInstanceId = request.ParentWorkflowInstanceId,
            CorrelationId = request.CorrelationId,
            Name = request.Name,
            Input = request.Input?.DeepClone().AsObject() ?? [],
            CreatedAt = now,
            UpdatedAt = now,
            Flowchart = new FlowchartCounters { StartActivityId = startId },
        };
        InitialiseVariables(definition, state, request.Variables);
        var execution = new WorkflowExecution(runtime, definition, state, GraphFor(definition, startId), cancellationToken)
        {
            TriggerActivityId = request.TriggerActivityId,
        };
        if (startId is not null) execution.Enqueue(startId, viaBackward: false);
        await execution.RunAsync();
        return execution.ToResult();
    }

    /// <summary>Resumes one open bookmark of the instance with an optional input, then runs what it schedules.</summary>
    /// <exception cref="BookmarkNotFoundException">The bookmark is not open on this instance.</exception>
    public async Task<BurstResult> ResumeAsync(WorkflowDefinition definition, WorkflowState state, string bookmarkId, JsonObject? input, CancellationToken cancellationToken = default)
    {
        var bookmark = state.Bookmarks.FirstOrDefault(b => b.Id == bookmarkId)
            ?? throw new BookmarkNotFoundException($"Bookmark {bookmarkId} is not open on instance {state.Id}.");
        var execution = Continue(definition, state, cancellationToken);
        await execution.ResumeAsync(bookmark, input);
        return execution.ToResult();
    }

    /// <summary>Retries a faulted instance from the faulted activity.</summary>
    public async Task<BurstResult> RetryAsync(WorkflowDefinition definition, WorkflowState state, CancellationToken cancellationToken = default)
    {
        if (state.SubStatus != WorkflowSubStatus.Faulted) throw new InvalidOperationException("Only a faulted instance can be retried.");
        var execution = Continue(definition, state, cancellationToken);
        execution.PrepareRetry();
        await execution.RunAsync();
        return execution.ToResult();
    }

    /// <summary>Cancels the instance: bookmarks removed, sub-status Cancelled.</summary>
    public BurstResult Cancel(WorkflowDefinition definition, WorkflowState state)
    {
        var execution = Continue(definition, state, CancellationToken.None);
        if (state.Status == WorkflowStatus.Finished) return execution.ToResult();
        execution.Journal(new ActivityNode(definition.Root.Id, "Elsa.Flowchart", null, [], "$.root") { NodeId = $"Workflow1:{definition.Root.Id}" }, null, "Workflow cancelled");
        execution.FinishWorkflow(WorkflowSubStatus.Cancelled);
        return execution.ToResult();
    }

    private WorkflowExecution Continue(WorkflowDefinition definition, WorkflowState state, CancellationToken cancellationToken) =>
        new(runtime, definition, state, GraphFor(definition, state.Flowchart.StartActivityId), cancellationToken);

    private static FlowGraph GraphFor(WorkflowDefinition definition, string? startId) =>
        Graphs.GetOrCreateValue(definition).GetOrAdd(startId ?? "", id => new FlowGraph(definition.Root, id));

    private static void InitialiseVariables(WorkflowDefinition definition, WorkflowState state, JsonObject? values)
    {
        foreach (var variable in definition.AllVariables)
        {
            var given = values?[variable.Name];
            var initial = given?.DeepClone() ?? (variable.Value is null ? null : JsonValue.Create(variable.Value));
            state.Variables[variable.Id] = ValueConverter.ToVariableValue(initial, variable.TypeName);
        }
    }
}
