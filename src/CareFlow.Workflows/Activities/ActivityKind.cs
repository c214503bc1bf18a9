namespace CareFlow.Workflows.Activities;

/// <summary>The Elsa activity kinds.</summary>
public enum ActivityKind
{
    /// <summary>Runs and completes.</summary>
    Action,

    /// <summary>Can start a workflow.</summary>
    Trigger,

    /// <summary>Background work.</summary>
    Job,

    /// <summary>Work done by someone or something else.</summary>
    Task,
}
