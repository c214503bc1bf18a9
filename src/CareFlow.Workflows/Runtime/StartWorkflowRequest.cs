using System.Text.Json.Nodes;

namespace CareFlow.Workflows.Runtime;

/// <summary>How to start an instance.</summary>
public sealed record StartWorkflowRequest
{
    /// <summary>The instance id to use; a new one when null.</summary>
    public string? InstanceId { get; init; }

    /// <summary>The correlation id.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The instance name.</summary>
    public string? Name { get; init; }

    /// <summary>The workflow input.</summary>
    public JsonObject? Input { get; init; }

    /// <summary>Initial variable values by variable name.</summary>
    public JsonObject? Variables { get; init; }

    /// <summary>The trigger activity that started the workflow, if a trigger did.</summary>
    public string? TriggerActivityId { get; init; }

    /// <summary>The parent instance, when started by another workflow.</summary>
    public string? ParentWorkflowInstanceId { get; init; }
}
