namespace CareFlow.Workflows.Runtime;

/// <summary>Elsa's detailed instance status.</summary>
public enum WorkflowSubStatus
{
    /// <summary>Created, not yet run.</summary>
    Pending,

    /// <summary>A burst is running.</summary>
    Executing,

    /// <summary>Waiting on bookmarks.</summary>
    Suspended,

    /// <summary>Completed.</summary>
    Finished,

    /// <summary>Cancelled.</summary>
    Cancelled,

    /// <summary>An activity threw; see the incidents.</summary>
    Faulted,
}
