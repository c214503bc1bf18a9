using System.Text.Json.Nodes;
using CareFlow.Core.Workflows;
using CareFlow.Workflows.Management;
using CareFlow.Workflows.Runtime;
using Hangfire;

namespace CareFlow.Infrastructure.Workflows;

/// <summary>
/// Starts a dispatched instance in the background; a second run finds the instance and does nothing. Hangfire passes
/// its own token for the <c>CancellationToken</c> parameter (the enqueued value is a placeholder) and cancels it on host
/// shutdown, when the job goes back to its queue, or when the job is deleted; the runner checks it between activities,
/// and the burst budget ends a run that would not stop by itself.
/// </summary>
public sealed class DispatchWorkflowJob(IWorkflowRuntime runtime)
{
    /// <summary>Starts the instance unless a previous run already did.</summary>
    [AutomaticRetry(Attempts = 5)]
    public async Task RunAsync(string definitionId, string versionOptions, string instanceId, string? correlationId, string? input, CancellationToken cancellationToken)
    {
        if (await runtime.FindAsync(instanceId, cancellationToken) is not null) return;
        await runtime.StartAsync(definitionId, VersionOptions.Parse(versionOptions) ?? VersionOptions.Published, new StartWorkflowRequest
        {
            InstanceId = instanceId,
            CorrelationId = correlationId,
            Input = input is null ? null : JsonNode.Parse(input) as JsonObject,
        }, cancellationToken);
    }
}
