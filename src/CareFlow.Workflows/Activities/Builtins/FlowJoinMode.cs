namespace CareFlow.Workflows.Activities.Builtins;

/// <summary>How an explicit join waits.</summary>
public enum FlowJoinMode
{
    /// <summary>Continue on the first arrival; cancel the other branches.</summary>
    WaitAny,

    /// <summary>Wait for all inbound; run only if all were followed.</summary>
    WaitAll,

    /// <summary>Wait for all inbound; run if any was followed (the implicit join).</summary>
    WaitAllActive,
}
