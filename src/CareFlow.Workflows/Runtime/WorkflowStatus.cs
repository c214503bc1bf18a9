namespace CareFlow.Workflows.Runtime;

/// <summary>Elsa's coarse instance status.</summary>
public enum WorkflowStatus
{
    /// <summary>Pending, executing or suspended.</summary>
    Running,

    /// <summary>Finished, cancelled or faulted.</summary>
    Finished,
}
