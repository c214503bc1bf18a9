using System.Text.Json.Nodes;
using CareFlow.Workflows.Definitions;
using CareFlow.Workflows.Expressions;
using CareFlow.Workflows.Runtime;

namespace CareFlow.Workflows.Activities;

/// <summary>What an executing activity can see and do: its node, the instance, variables, bookmarks, events and services.</summary>
public sealed class ActivityContext
{
    private readonly WorkflowExecution _execution;

    internal ActivityContext(WorkflowExecution execution, ActivityNode node, string activityInstanceId, bool isTrigger)
    {
        _execution = execution;
        Node = node;
        ActivityInstanceId = activityInstanceId;
        IsTrigger = isTrigger;
    }

    /// <summary>The activity's JSON node.</summary>
    public ActivityNode Node { get; }

    /// <summary>This execution's id.</summary>
    public string ActivityInstanceId { get; }

    /// <summary>True when this activity is the trigger that started the workflow (triggers then complete at once).</summary>
    public bool IsTrigger { get; }

    /// <summary>The instance state (read it; change it only through this context).</summary>
    public WorkflowState Workflow => _execution.State;

    /// <summary>Services of the current scope (ports for domain work, which commit with the burst).</summary>
    public IServiceProvider Services => _execution.Services;

    /// <summary>The current time from the injected clock.</summary>
    public DateTimeOffset Now => _execution.Time.GetUtcNow();

    /// <summary>Cancelled when the burst must stop.</summary>
    public CancellationToken CancellationToken => _execution.CancellationToken;

    /// <summary>Writes a line of text for this activity to the host's line writer (logging, rate-limited; never standard output).</summary>
    public void WriteLine(string? text) => _execution.Runtime.Lines.WriteLine(new WorkflowLine(Workflow.Id, Workflow.DefinitionId, Node.Id, text));

    /// <summary>The expression scope (variables and input) of this instance.</summary>
    public ExpressionScope Scope => _execution.Scope;

    /// <summary>Creates a bookmark for this activity; return <see cref="ActivityResult.Suspend"/> afterwards.</summary>
    public Bookmark CreateBookmark(string name, string stimulus, JsonObject? payload = null, DateTimeOffset? resumeAt = null, bool autoComplete = false)
    {
        var bookmark = new Bookmark
        {
            Id = WorkflowExecution.NewId(),
            Name = name,
            Hash = BookmarkHash.Compute(name, stimulus),
            Payload = payload,
            ActivityId = Node.Id,
            ActivityNodeId = Node.NodeId,
            ActivityInstanceId = ActivityInstanceId,
            CreatedAt = Now,
            ResumeAt = resumeAt,
            CorrelationId = Workflow.CorrelationId,
            AutoComplete = autoComplete,
        };
        _execution.AddBookmark(bookmark);
        return bookmark;
    }

    /// <summary>Evaluates one of this activity's raw JSON inputs (used by inputs that are not wrapped, such as switch cases).</summary>
    public JsonNode? Evaluate(JsonNode? wrappedOrExpression) => wrappedOrExpression is JsonObject o && o.ContainsKey("type") && !o.ContainsKey("typeName")
        ? _execution.Evaluator.EvaluateExpression(o, Scope, CancellationToken)
        : _execution.Evaluator.Evaluate(wrappedOrExpression, Scope, CancellationToken);

    /// <summary>Sets the instance's correlation id.</summary>
    public void SetCorrelationId(string? correlationId) => Workflow.CorrelationId = string.IsNullOrWhiteSpace(correlationId) ? null : correlationId;

    /// <summary>Publishes an event, delivered after this burst commits.</summary>
    public void Publish(PublishedEvent publishedEvent) => _execution.Events.Add(publishedEvent);

    /// <summary>Writes a journal message for this activity.</summary>
    public void Log(string eventName, string message, JsonObject? payload = null) => _execution.Journal(Node, ActivityInstanceId, eventName, message, payload);
}
