namespace CareFlow.Workflows.Runtime;

/// <summary>An activity waiting in the instance's queue (kept in state only when a burst stops early, e.g. on a fault).</summary>
/// <param name="ActivityId">The activity to run.</param>
/// <param name="ViaBackward">Whether it was scheduled through a backward connection.</param>
public sealed record ScheduledWork(string ActivityId, bool ViaBackward);
