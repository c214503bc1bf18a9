namespace CareFlow.Core.Care.Stages;

/// <summary>Starts the workflows that committed bursts asked for (<see cref="WorkflowStartRequest"/>), each once.</summary>
public interface IStageHandOver
{
    /// <summary>Starts every pending request; returns how many instances this call started.</summary>
    Task<int> ProcessPendingAsync(CancellationToken cancellationToken = default);
}
