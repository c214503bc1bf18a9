namespace CareFlow.Workflows.Runtime;

/// <summary>An activity waiting in the burst's FIFO queue.</summary>
internal sealed record WorkItem(string ActivityId, bool ViaBackward);
