using System.Text.Json.Nodes;
using CareFlow.Workflows.Definitions;
using CareFlow.Workflows.Expressions;

namespace CareFlow.Workflows.Runtime;

/// <summary>The mutable state of one burst: the instance, its queue, and what the burst produced.</summary>
internal sealed partial class WorkflowExecution
{
    private readonly List<JournalEntry> _journal = [];
    private readonly List<Bookmark> _added = [];
    private readonly List<Bookmark> _removed = [];
    private readonly LinkedList<WorkItem> _queue = new();

    public WorkflowExecution(WorkflowRuntimeServices runtime, WorkflowDefinition definition, WorkflowState state, FlowGraph graph, CancellationToken cancellationToken)
    {
        Runtime = runtime;
        Definition = definition;
        State = state;
        Graph = graph;
        CancellationToken = cancellationToken;
        StateSize = new StateSizeGuard(state, runtime.Budget.MaxStateBytes);
        Scope = new ExpressionScope(state, [.. definition.AllVariables]) { BeforeWrite = StateSize.BeforeVariableWrite };
        _startedAt = runtime.Time.GetTimestamp();
    }

    private readonly long _startedAt;
    private int _executions;

    public StateSizeGuard StateSize { get; }

    public WorkflowRuntimeServices Runtime { get; }

    public WorkflowDefinition Definition { get; }

    public WorkflowState State { get; }

    public FlowGraph Graph { get; }

    public ExpressionScope Scope { get; }

    public CancellationToken CancellationToken { get; }

    public List<PublishedEvent> Events { get; } = [];

    public string? TriggerActivityId { get; init; }

    public IServiceProvider Services => Runtime.Services;

    public TimeProvider Time => Runtime.Time;

    public ExpressionEvaluator Evaluator => Runtime.Evaluator;

    public static string NewId() => Guid.CreateVersion7().ToString("N");

    public void AddBookmark(Bookmark bookmark)
    {
        State.Bookmarks.Add(bookmark);
        _added.Add(bookmark);
    }

    public void RemoveBookmark(Bookmark bookmark)
    {
        State.Bookmarks.Remove(bookmark);
        if (!_added.Remove(bookmark)) _removed.Add(bookmark);
    }

    public void Enqueue(string activityId, bool viaBackward) => _queue.AddLast(new WorkItem(activityId, viaBackward));

    public void EnqueueFirst(string activityId, bool viaBackward) => _queue.AddFirst(new WorkItem(activityId, viaBackward));

    public bool IsQueued(string activityId) => _queue.Any(w => w.ActivityId == activityId);

    public void Journal(ActivityNode node, string? activityInstanceId, string eventName, string? message = null, JsonObject? payload = null) =>
        _journal.Add(new JournalEntry
        {
            Id = NewId(),
            WorkflowInstanceId = State.Id,
            ActivityInstanceId = activityInstanceId,
            ActivityId = node.Id,
            ActivityType = node.Type,
            ActivityName = node.Name,
            NodeId = node.NodeId,
            Timestamp = Time.GetUtcNow(),
            Sequence = State.ExecutionLogSequence++,
            EventName = eventName,
            Message = message,
            Payload = payload,
        });

    public BurstResult ToResult()
    {
        State.UpdatedAt = Time.GetUtcNow();
        if (StateSizeGuard.Measure(State) is var size && size > StateSize.MaxBytes) FaultOversizedState(size);
        return new BurstResult(State, [.. _journal], [.. _added], [.. _removed], [.. Events]);
    }
}
