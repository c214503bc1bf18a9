namespace CareFlow.Workflows.Definitions;

/// <summary>What a definition may contain.</summary>
public sealed record ValidationOptions
{
    /// <summary>Whether JavaScript expressions are accepted (default true; the designer may turn them off).</summary>
    public bool AllowScripts { get; init; } = true;
}
