namespace CareFlow.Workflows.Activities.Builtins;

/// <summary>Which matching cases a flow switch follows.</summary>
public enum SwitchMode
{
    /// <summary>The first true case.</summary>
    MatchFirst,

    /// <summary>Every true case.</summary>
    MatchAny,
}
