namespace CareFlow.Workflows.Runtime;

/// <summary>
/// What one burst (a start, a resume or a retry, run until the instance waits, ends or faults) may use. Exceeding any
/// of these faults the instance with an incident that names the budget; the work left is kept, so a retry runs
/// another burst with a fresh budget. Bound to <c>CareFlow:Workflows:Budget</c>.
/// </summary>
public sealed record WorkflowBudget
{
    /// <summary>Activity executions per burst (default 10,000).</summary>
    public int MaxActivityExecutions { get; init; } = 10_000;

    /// <summary>Wall time per burst, measured on the engine's clock between activities (default 30 s).</summary>
    public TimeSpan MaxBurstDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Size of the instance state as JSON, in bytes (default 1 MiB).</summary>
    public int MaxStateBytes { get; init; } = 1024 * 1024;
}
