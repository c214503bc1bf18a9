using CareFlow.Workflows.Runtime;

namespace CareFlow.Core.Workflows;

/// <summary>What a resume did.</summary>
/// <param name="Status">Resumed, AlreadyResumed (someone else won, or it was never open), or InstanceNotFound.</param>
/// <param name="State">The state after the burst, when resumed.</param>
public sealed record ResumeOutcome(ResumeStatus Status, WorkflowState? State);
