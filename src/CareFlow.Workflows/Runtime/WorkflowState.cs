using System.Text.Json.Nodes;

namespace CareFlow.Workflows.Runtime;

/// <summary>
/// Everything the engine needs to continue an instance, in a JSON-serialisable shape close to Elsa's
/// <c>workflowState</c>. It holds ids and small values, never client records.
/// </summary>
public sealed class WorkflowState
{
    /// <summary>The instance id.</summary>
    public required string Id { get; init; }

    /// <summary>The definition id.</summary>
    public required string DefinitionId { get; init; }

    /// <summary>The definition version id the instance is pinned to.</summary>
    public required string DefinitionVersionId { get; init; }

    /// <summary>The definition version number.</summary>
    public int DefinitionVersion { get; init; }

    /// <summary>The parent instance when started by another workflow.</summary>
    public string? ParentWorkflowInstanceId { get; set; }

    /// <summary>The correlation id.</summary>
    public string? CorrelationId { get; set; }

    /// <summary>The instance name.</summary>
    public string? Name { get; set; }

    /// <summary>Running or Finished.</summary>
    public WorkflowStatus Status { get; set; }

    /// <summary>The detailed status.</summary>
    public WorkflowSubStatus SubStatus { get; set; }

    /// <summary>Open bookmarks.</summary>
    public List<Bookmark> Bookmarks { get; init; } = [];

    /// <summary>Faults.</summary>
    public List<Incident> Incidents { get; init; } = [];

    /// <summary>Open activity executions (waiting or faulted).</summary>
    public List<ActivityContextRecord> ActivityExecutionContexts { get; init; } = [];

    /// <summary>Queued work left when a burst stopped early.</summary>
    public List<ScheduledWork> ScheduledActivities { get; init; } = [];

    /// <summary>The next journal sequence number.</summary>
    public long ExecutionLogSequence { get; set; }

    /// <summary>The workflow input.</summary>
    public JsonObject Input { get; init; } = [];

    /// <summary>The workflow output.</summary>
    public JsonObject Output { get; init; } = [];

    /// <summary>Free-form properties.</summary>
    public JsonObject Properties { get; init; } = [];

    /// <summary>Variable values by variable id.</summary>
    public Dictionary<string, JsonNode?> Variables { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Counter-mode state of the root flowchart.</summary>
    public FlowchartCounters Flowchart { get; init; } = new();

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When it finished.</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Sets status and sub-status together, as Elsa maps them.</summary>
    public void SetStatus(WorkflowSubStatus subStatus)
    {
        SubStatus = subStatus;
        Status = subStatus is WorkflowSubStatus.Finished or WorkflowSubStatus.Cancelled or WorkflowSubStatus.Faulted
            ? WorkflowStatus.Finished : WorkflowStatus.Running;
    }
}
