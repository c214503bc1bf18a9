using System.Text.Json.Nodes;
using CareFlow.Workflows.Management;
using CareFlow.Workflows.Runtime;

namespace CareFlow.Core.Workflows;

/// <summary>
/// Durable workflow execution: each burst and its effects commit in one transaction; a bookmark is resumed
/// exactly once, guarded by the database.
/// </summary>
public interface IWorkflowRuntime
{
    /// <summary>Starts an instance of the selected version and runs its first burst; null when no such version exists.</summary>
    Task<WorkflowState?> StartAsync(string definitionId, VersionOptions versionOptions, StartWorkflowRequest request, CancellationToken cancellationToken = default);

    /// <summary>Resumes one bookmark of one instance, at most once however many callers race.</summary>
    Task<ResumeOutcome> ResumeAsync(string instanceId, string bookmarkId, JsonObject? input, CancellationToken cancellationToken = default);

    /// <summary>Delivers an event to every matching <c>Elsa.Event</c> bookmark; when none exists yet it is kept for a while.</summary>
    Task<int> TriggerEventAsync(EventStimulus stimulus, CancellationToken cancellationToken = default);

    /// <summary>Retries a faulted instance from its faulted activity; null when the instance does not exist.</summary>
    Task<WorkflowState?> RetryAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Cancels an instance; false when it does not exist.</summary>
    Task<bool> CancelAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Loads an instance's state; null when it does not exist.</summary>
    Task<WorkflowState?> FindAsync(string instanceId, CancellationToken cancellationToken = default);
}
