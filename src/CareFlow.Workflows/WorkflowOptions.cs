using CareFlow.Workflows.Expressions;
using CareFlow.Workflows.Runtime;

namespace CareFlow.Workflows;

/// <summary>Engine settings, bound to <c>CareFlow:Workflows</c>.</summary>
public sealed class WorkflowOptions
{
    /// <summary>Activity classes beyond the built-ins (CareFlow's own activities register here).</summary>
    public IList<Type> ActivityTypes { get; } = [];

    /// <summary>Sandbox limits for JavaScript expressions.</summary>
    public ScriptLimits ScriptLimits { get; set; } = new();

    /// <summary>What one burst may use: activity executions, wall time, state size.</summary>
    public WorkflowBudget Budget { get; set; } = new();

    /// <summary>Largest accepted definition document, in bytes (default 2 MiB).</summary>
    public int MaxDefinitionBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>How long an event that found no bookmark is kept for one that may appear (default 10 minutes).</summary>
    public TimeSpan EventQueueRetention { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How often a host arms again the timers that are overdue by more than this span (default 1 minute), so that a
    /// timer whose arming was lost after its commit (a crash, a failed enqueue) still fires without a restart. Firing
    /// twice is harmless: resumes are guarded. Zero turns the sweep off.
    /// </summary>
    public TimeSpan OverdueTimerSweep { get; set; } = TimeSpan.FromMinutes(1);
}
