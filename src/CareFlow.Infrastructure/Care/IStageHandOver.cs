namespace CareFlow.Infrastructure.Care;

/// <summary>Starts the workflows that committed bursts asked for (<see cref="Core.Care.Stages.WorkflowStartRequest"/>), each once.</summary>
public interface IStageHandOver
{
    /// <summary>Starts every pending request; returns how many instances this call started.</summary>
    Task<int> ProcessPendingAsync(CancellationToken cancellationToken = default);
}
